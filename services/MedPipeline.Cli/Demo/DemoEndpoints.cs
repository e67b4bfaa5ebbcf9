using System.Text.Json;
using System.Text.Json.Serialization;

namespace MedPipeline.Cli.Demo;

/// <summary>What <c>.medpipe/endpoints.json</c> tells scripts and newcomers about the running stack.</summary>
internal sealed record DemoEndpoints
{
    [JsonPropertyName("gateway")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Gateway { get; init; }

    [JsonPropertyName("rabbitmqManagement")]
    public required string RabbitMqManagement { get; init; }

    [JsonPropertyName("rabbitmqAmqp")]
    public required string RabbitMqAmqp { get; init; }

    [JsonPropertyName("postgres")]
    public required string Postgres { get; init; }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Indented), cancellationToken);
    }
}
