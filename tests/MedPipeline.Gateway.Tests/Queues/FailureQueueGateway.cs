using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedPipeline.LocalStack.Broker;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests.Queues;

/// <summary>
/// The admin gateway with Gateway:Admin:Broker set to the ops user the table defines (BrokerUsers, its real
/// permissions), and the operators' and st-olaf's admin keys to call it with.
/// </summary>
internal sealed class FailureQueueGateway : IAsyncDisposable
{
    private FailureQueueGateway(AdminGateway admin) => Admin = admin;

    public AdminGateway Admin { get; }

    public static async Task<FailureQueueGateway> StartAsync()
    {
        var broker = await TestServices.RabbitMqAsync();
        var users = await BrokerUsers.CreateAsync(broker, []);
        return new FailureQueueGateway(await AdminGateway.StartAsync(moreRows: null,
            ("Gateway__Admin__Broker__Uri", users.OpsAmqpUri.ToString()),
            ("Gateway__Admin__Broker__ManagementUri", users.ManagementUri.ToString())));
    }

    public async Task<JsonElement> MessagesAsync(string queue, int limit = 50) =>
        await Admin.GetJsonAsync(Admin.OperatorKey, $"api/admin/queues/{queue}/messages?limit={limit}");

    /// <summary>
    /// Waits until <paramref name="queue"/> holds <paramref name="count"/> messages, as the operations API counts them.
    /// A failure queue that does not exist yet counts as empty: MassTransit declares it with the first fault it moves there.
    /// </summary>
    public async Task<JsonElement> WaitForMessagesAsync(string queue, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var client = Admin.ClientWith(Admin.OperatorKey);
            using var response = await client.GetAsync($"api/admin/queues/{queue}/messages?limit=50");
            var found = response.StatusCode == HttpStatusCode.OK;
            var messages = await response.Content.ReadFromJsonAsync<JsonElement>();
            var total = found ? messages.GetProperty("total").GetInt32() : 0;
            if ((found && total == count) || DateTime.UtcNow > deadline)
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), messages.ToString());
                Assert.That(total, Is.EqualTo(count), $"messages in {queue}");
                return messages;
            }

            await Task.Delay(250);
        }
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string key, string path)
    {
        using var client = Admin.ClientWith(key);
        using var response = await client.PostAsync(path, null);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public static string[] MessageIds(JsonElement page) =>
        [.. page.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("messageId").GetString()!)];

    public ValueTask DisposeAsync() => Admin.DisposeAsync();
}
