using RabbitMQ.Client;

namespace MedPipeline.Gateway.Tests.Queues;

/// <summary>
/// Makes RabbitMQ itself dead-letter a message, as it does for one whose delivery keeps crashing its worker: published to a
/// pipeline queue with no consumer, then taken and given back until the quorum queue's delivery limit moves it to
/// <c>{queue}_dead-letter</c> (x-death reason delivery_limit).
/// </summary>
internal static class DeliveryLimitExhauster
{
    public static async Task DeadLetterAsync(Uri administrator, string queue, string messageId, Guid correlationId)
    {
        var factory = new ConnectionFactory { Uri = administrator };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        var properties = new BasicProperties { MessageId = messageId, CorrelationId = correlationId.ToString(), ContentType = "application/vnd.masstransit+json" };
        var body = System.Text.Encoding.UTF8.GetBytes($$"""{"messageId":"{{messageId}}","correlationId":"{{correlationId}}","messageType":["urn:message:MedPipeline.Gateway.Tests.Queues:QueueProbeCommand"],"message":{"correlationId":"{{correlationId}}","note":"dead" } }""");
        await channel.BasicPublishAsync(queue, "", mandatory: true, properties, body);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var got = await channel.BasicGetAsync(queue, autoAck: false);
            if (got is null)
            {
                return;
            }

            await channel.BasicNackAsync(got.DeliveryTag, multiple: false, requeue: true);
        }

        Assert.Fail($"the delivery limit of {queue} did not dead-letter the message");
    }
}
