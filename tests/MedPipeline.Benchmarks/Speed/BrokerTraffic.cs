using System.Text.Json;
using MedPipeline.LocalStack;

namespace MedPipeline.Benchmarks.Speed;

/// <summary>
/// What the broker has received from every client connection (management API recv_oct). The management
/// plugin refreshes connection statistics every few seconds, so callers wait past that before reading.
/// </summary>
internal static class BrokerTraffic
{
    public static readonly TimeSpan StatisticsInterval = TimeSpan.FromSeconds(6);

    public static async Task<long> ReceivedBytesAsync(RabbitMqEndpoint broker)
    {
        using var management = broker.CreateManagementClient();
        using var connections = JsonDocument.Parse(await management.GetStringAsync("api/connections"));
        return connections.RootElement.EnumerateArray().Sum(c => c.TryGetProperty("recv_oct", out var bytes) ? bytes.GetInt64() : 0);
    }
}
