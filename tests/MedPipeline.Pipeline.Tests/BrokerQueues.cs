using System.Text.Json;

namespace MedPipeline.Pipeline.Tests;

/// <summary>The broker's view of the pipeline's work queues, through the management API.</summary>
internal sealed class BrokerQueues : IDisposable
{
    private readonly HttpClient _management = Pipeline.Running.Broker.CreateManagementClient();

    /// <summary>The consumers of one queue; 0 while the broker does not answer or does not know the queue yet.</summary>
    public async Task<int> ConsumersAsync(string queue)
    {
        try
        {
            using var response = await _management.GetAsync(new Uri($"api/queues/%2F/{Uri.EscapeDataString(queue)}", UriKind.Relative));
            if (!response.IsSuccessStatusCode)
            {
                return 0;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.TryGetProperty("consumers", out var consumers) ? consumers.GetInt32() : 0;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    /// <summary>The messages in one queue (ready and unacknowledged); 0 while the broker does not know the queue.</summary>
    public async Task<int> MessagesAsync(string queue)
    {
        using var response = await _management.GetAsync(new Uri($"api/queues/%2F/{Uri.EscapeDataString(queue)}", UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            return 0;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("messages", out var messages) ? messages.GetInt32() : 0;
    }

    public void Dispose() => _management.Dispose();
}
