using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MedPipeline.Gateway.Admin.Queues;

/// <summary>
/// The failure queues of the virtual host with their message counts, from the management API as the ops user (tag
/// management: it sees the virtual host's queue names and counts, and may read messages only where its permissions allow).
/// </summary>
public sealed class FailureQueueCatalog(HttpClient http, IOptions<AdminBrokerOptions> options)
{
    public async Task<IReadOnlyList<FailureQueue>> ListAsync(CancellationToken cancellationToken)
    {
        var broker = options.Value;
        var amqp = broker.Uri!;
        var virtualHost = Uri.UnescapeDataString(amqp.AbsolutePath.TrimStart('/'));
        using var request = new HttpRequestMessage(HttpMethod.Get,
            new Uri(broker.ManagementUri!, $"api/queues/{Uri.EscapeDataString(virtualHost.Length == 0 ? "/" : virtualHost)}?columns=name,messages,type"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(amqp.UserInfo))));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var queues = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return [.. queues.EnumerateArray()
            .Select(q => (Name: q.GetProperty("name").GetString()!, Queue: q))
            .Where(q => FailureQueues.IsFailureQueue(q.Name))
            .Select(q => new FailureQueue(q.Name, FailureQueues.SourceOf(q.Name)!,
                q.Queue.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Number ? messages.GetInt64() : 0,
                q.Queue.TryGetProperty("type", out var type) ? type.GetString() : null))
            .OrderBy(q => q.Name, StringComparer.Ordinal)];
    }
}
