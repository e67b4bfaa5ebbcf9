using MedPipeline.LocalStack;

namespace MedPipeline.Testing.Tests;

/// <summary>What the manifests must give each pipeline service: its Deployment name and the settings it reads.</summary>
public static class KubernetesDeployments
{
    public const string Organization = "hospital";

    public static IReadOnlyDictionary<string, string> NameOf { get; } = new Dictionary<string, string>
    {
        [PipelineService.Gateway] = "gateway",
        [PipelineService.Orchestrator] = "orchestrator",
        [PipelineService.Unpacker] = "unpacker",
        [PipelineService.Preprocessor] = "preprocessor",
        [PipelineService.Inference] = "inference",
        [PipelineService.StatusCallback] = "status-callback",
    };

    private const string Broker = "RabbitMq__Uri";
    private const string Store = "Store__Path";
    private const string Models = "Models__Path";
    private const string Callback = $"Organizations__{Organization}__CallbackBaseUrl";

    /// <summary>As LocalPipeline and docker-compose.yml configure the services (each database login only where it belongs).</summary>
    public static IReadOnlyDictionary<string, string[]> SettingsOf { get; } = new Dictionary<string, string[]>
    {
        [PipelineService.Gateway] = [Broker, "ConnectionStrings__SeriesStatus", Store, Models, Callback,
            $"Organizations__{Organization}__ApiKeys__0__Id", $"Organizations__{Organization}__ApiKeys__0__Sha256",
            "Gateway__Admin__Broker__Uri", "Gateway__Admin__Broker__ManagementUri"],
        [PipelineService.Orchestrator] = [Broker, "ConnectionStrings__Orchestrator", Models, Callback],
        [PipelineService.Unpacker] = [Broker, Store],
        [PipelineService.Preprocessor] = [Broker, Store, Models],
        [PipelineService.Inference] = [Broker, Store, Models],
        [PipelineService.StatusCallback] = [Broker, Store, Callback, $"Organizations__{Organization}__CallbackBearerToken"],
    };

    /// <summary>Settings that are credentials: they must come from a Secret, never be written in a manifest.</summary>
    public static bool IsSecret(string setting) =>
        setting == Broker || setting.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
        || setting.EndsWith("__Sha256", StringComparison.Ordinal) || setting.EndsWith("__CallbackBearerToken", StringComparison.Ordinal)
        || setting.StartsWith("Gateway__Admin__Broker__", StringComparison.Ordinal);

    /// <summary>The workers KEDA scales, each on its first queue in PipelineBrokerAccess (its work queue).</summary>
    public static IReadOnlyList<string> ScaledWorkers { get; } =
        [PipelineService.Unpacker, PipelineService.Preprocessor, PipelineService.Inference, PipelineService.StatusCallback];
}
