using System.Text.Json;
using System.Text.Json.Serialization;

namespace MedPipeline.Cli.Demo;

/// <summary>What <c>.medpipe/endpoints.json</c> tells scripts and newcomers about the running stack.</summary>
internal sealed record DemoEndpoints
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [JsonPropertyName("gateway")]
    public required string Gateway { get; init; }

    [JsonPropertyName("rabbitmqManagement")]
    public required string RabbitMqManagement { get; init; }

    [JsonPropertyName("sampleBackend")]
    public required string SampleBackend { get; init; }

    /// <summary>The organization whose callbacks go to the sample backend.</summary>
    [JsonPropertyName("organization")]
    public required string Organization { get; init; }

    /// <summary>The organization's API key: send it as X-API-Key to the gateway.</summary>
    [JsonPropertyName("apiKey")]
    public required string ApiKey { get; init; }

    /// <summary>A second organization, to try what one hospital can see of another's series.</summary>
    [JsonPropertyName("otherOrganization")]
    public required string OtherOrganization { get; init; }

    [JsonPropertyName("otherApiKey")]
    public required string OtherApiKey { get; init; }

    /// <summary>The broker's administrator, for the management UI (the services each have a user of their own).</summary>
    [JsonPropertyName("rabbitmqUser")]
    public required string RabbitMqUser { get; init; }

    [JsonPropertyName("rabbitmqPassword")]
    public required string RabbitMqPassword { get; init; }

    /// <summary>The organization's ingress user: it may only publish PredictSeries (infra/examples/direct_enqueue.py).</summary>
    [JsonPropertyName("ingressUser")]
    public required string IngressUser { get; init; }

    [JsonPropertyName("ingressPassword")]
    public required string IngressPassword { get; init; }

    [JsonPropertyName("otherIngressUser")]
    public required string OtherIngressUser { get; init; }

    [JsonPropertyName("otherIngressPassword")]
    public required string OtherIngressPassword { get; init; }

    [JsonPropertyName("rabbitmqAmqp")]
    public required string RabbitMqAmqp { get; init; }

    /// <summary>The demo database as the throw-away cluster's superuser (the services log in as their own roles).</summary>
    [JsonPropertyName("postgres")]
    public required string Postgres { get; init; }

    /// <summary>The shared store directory (for direct enqueue: put the ZIP under archives/).</summary>
    [JsonPropertyName("store")]
    public required string Store { get; init; }

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Indented), cancellationToken);
    }
}
