using System.Net;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests.Queues;

/// <summary>A message RabbitMQ moved to <c>{queue}_dead-letter</c> at its delivery limit: listed with the broker's reason, then replayed.</summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_a_message_was_dead_lettered
{
    [Test]
    public async Task It_is_listed_with_the_delivery_limit_reason_and_a_replay_reaches_the_consumer()
    {
        await using var gateway = await FailureQueueGateway.StartAsync();
        var broker = await TestServices.RabbitMqAsync();
        var correlationId = Guid.NewGuid();
        var messageId = Guid.NewGuid().ToString();
        // Declared as the pipeline declares it, then left without a consumer while the broker exhausts the delivery limit.
        await (await FaultingEndpoint.StartAsync(broker, "delete-series-data")).DisposeAsync();
        await DeliveryLimitExhauster.DeadLetterAsync(broker.AmqpUri(), "delete-series-data", messageId, correlationId);

        var listed = (await gateway.WaitForMessagesAsync("delete-series-data_dead-letter", 1)).GetProperty("messages")[0];
        await using var endpoint = await FaultingEndpoint.StartAsync(broker, "delete-series-data");
        endpoint.Outcome.Throw = false;
        var (status, body) = await gateway.PostAsync(gateway.Admin.OperatorKey, $"api/admin/queues/delete-series-data_dead-letter/messages/{messageId}/replay");

        Assert.That(listed.GetProperty("messageId").GetString(), Is.EqualTo(messageId));
        Assert.That(listed.GetProperty("correlationId").GetString(), Is.EqualTo(correlationId.ToString()));
        Assert.That(listed.GetProperty("reason").GetString(), Is.EqualTo("dead-lettered"));
        Assert.That(listed.GetProperty("deathReason").GetString(), Is.EqualTo("delivery_limit"));
        Assert.That(listed.GetProperty("faultedAt").GetDateTimeOffset(), Is.GreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!endpoint.Outcome.Consumed.Contains(correlationId) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.That(endpoint.Outcome.Consumed, Does.Contain(correlationId), "replayed without its x-death headers, consumed once");
        await gateway.WaitForMessagesAsync("delete-series-data_dead-letter", 0);
    }
}
