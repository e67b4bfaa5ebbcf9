using System.Net.Http.Json;
using System.Text.Json;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests.Queues;

[NonParallelizable]
public sealed class When_the_error_queues_are_probed
{
    [Test]
    public async Task Probe()
    {
        var broker = await TestServices.RabbitMqAsync();
        await using (var endpoint = await FaultingEndpoint.StartAsync(broker, "probe-queue"))
        {
            await endpoint.SendAsync(new QueueProbeCommand { CorrelationId = Guid.NewGuid(), Note = "one" });
            await Task.Delay(5000);
        }

        using var api = broker.CreateManagementClient();
        var queues = await api.GetFromJsonAsync<JsonElement>("api/queues/%2F?columns=name,type,arguments,messages");
        TestContext.Out.WriteLine(queues.ToString());
        var got = await api.PostAsJsonAsync("api/queues/%2F/probe-queue_error/get", new { count = 5, ackmode = "ack_requeue_true", encoding = "auto" });
        TestContext.Out.WriteLine(await got.Content.ReadAsStringAsync());
        Assert.That(got.IsSuccessStatusCode);
    }
}
