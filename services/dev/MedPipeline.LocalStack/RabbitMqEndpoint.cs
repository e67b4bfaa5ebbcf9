using System.Net.Http.Headers;
using System.Text;

namespace MedPipeline.LocalStack;

/// <summary>Where tests find the broker: AMQP for messages, the management API for dashboards and set-up.</summary>
public sealed record RabbitMqEndpoint(
    string Host, int AmqpPort, Uri ManagementUri, Uri? PrometheusUri, string Username, string Password)
{
    public Uri AmqpUri(string virtualHost = "/") =>
        new($"amqp://{Uri.EscapeDataString(Username)}:{Uri.EscapeDataString(Password)}@{Host}:{AmqpPort}/{Uri.EscapeDataString(virtualHost)}");

    public HttpClient CreateManagementClient()
    {
        var client = new HttpClient { BaseAddress = ManagementUri, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}")));
        return client;
    }

    /// <summary>Creates a virtual host of its own for a test (isolation without another broker) and grants our user on it.</summary>
    public async Task<string> CreateVirtualHostAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)];
        using var client = CreateManagementClient();
        var escaped = Uri.EscapeDataString(name);
        (await client.PutAsync($"api/vhosts/{escaped}", null)).EnsureSuccessStatusCode();
        using var permissions = new StringContent(
            """{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await client.PutAsync($"api/permissions/{escaped}/{Uri.EscapeDataString(Username)}", permissions))
            .EnsureSuccessStatusCode();
        return name;
    }
}
