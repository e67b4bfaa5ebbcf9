using MedPipeline.LocalStack;

namespace MedPipeline.Pipeline.Tests.Prometheus;

/// <summary>Where each host name of the committed scrape configuration listens in the test's pipeline.</summary>
internal static class PipelineScrapeTargets
{
    private const string Prefix = "MedPipeline.";

    /// <summary>The services prometheus.yml scrapes: every one but the gateway (its /metrics needs a caller identity) and the sample backend.</summary>
    public static IReadOnlyList<string> Services { get; } =
        [PipelineService.Orchestrator, PipelineService.Unpacker, PipelineService.Preprocessor, PipelineService.Inference, PipelineService.StatusCallback];

    /// <summary>Compose host name (the service's name in lower case, "rabbitmq" for the broker) to host:port.</summary>
    public static Dictionary<string, string> Of(LocalPipeline pipeline)
    {
        var addresses = Services.ToDictionary(name => name[Prefix.Length..].ToLowerInvariant(), name => pipeline.AddressOf(name).Authority);
        var brokerMetrics = pipeline.Broker.PrometheusUri
            ?? throw new InvalidOperationException("The Prometheus test needs the broker's prometheus port: it is not known for an external broker (MEDPIPE_TEST_RABBITMQ).");
        addresses["rabbitmq"] = brokerMetrics.Authority;
        return addresses;
    }
}
