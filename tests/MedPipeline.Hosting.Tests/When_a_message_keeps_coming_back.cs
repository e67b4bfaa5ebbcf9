using System.Text;
using System.Text.Json;
using MassTransit;
using MedPipeline.Hosting.Messaging;
using MedPipeline.LocalStack;
using MedPipeline.Testing;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace MedPipeline.Hosting.Tests;

/// <summary>
/// A poison message: every delivery ends without an acknowledgement (as when it crashes the worker), on the
/// private RabbitMQ of the test run. The worker's definition declares the queue; the test plays the crashing worker.
/// </summary>
[Category(TestTiers.Integration)]
public sealed class When_a_message_keeps_coming_back
{
    private const int DeliveryLimit = 3;

    [Test]
    public async Task It_ends_in_the_dead_letter_queue_with_its_reason_after_the_delivery_limit()
    {
        var broker = await TestServices.RabbitMqAsync();
        await DeclareTopologyAsync(broker);
        var factory = new ConnectionFactory { Uri = broker.AmqpUri() };
        await using var connection = await factory.CreateConnectionAsync();
        // With confirms, the publish returns once the quorum queue holds the message.
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var messageId = Guid.NewGuid().ToString();
        await channel.BasicPublishAsync("", PoisonProbeDefinition.Queue, true, new BasicProperties { MessageId = messageId }, Encoding.UTF8.GetBytes("{}"));

        var deliveries = 0;
        // A rejected message is back in the queue a moment later: the test stops after a second without any.
        for (var quietPolls = 0; quietPolls < 10;)
        {
            var delivery = await channel.BasicGetAsync(PoisonProbeDefinition.Queue, autoAck: false);
            if (delivery is null)
            {
                quietPolls++;
                await Task.Delay(100);
                continue;
            }

            quietPolls = 0;
            if (delivery.BasicProperties.MessageId == messageId)
            {
                deliveries++;
            }

            await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: true);
        }

        var deadLetter = await FindAsync(channel, PoisonProbeDefinition.Queue + PoisonMessageLimit.DeadLetterSuffix, messageId);
        Assert.That(deliveries, Is.EqualTo(DeliveryLimit + 1), "delivered once, then redelivered up to the limit, then no more");
        Assert.That(deadLetter, Is.Not.Null, "the message waits in the dead-letter queue");
        var death = (IDictionary<string, object?>)((IList<object?>)deadLetter!.BasicProperties.Headers!["x-death"]!)[0]!;
        Assert.That(Encoding.UTF8.GetString((byte[])death["reason"]!), Is.EqualTo("delivery_limit"));
        Assert.That(Encoding.UTF8.GetString((byte[])death["queue"]!), Is.EqualTo(PoisonProbeDefinition.Queue));
        await AssertQueueArgumentsAsync(broker);
    }

    private static async Task DeclareTopologyAsync(RabbitMqEndpoint broker)
    {
        var builder = TestHosts.Builder(("RabbitMq:Uri", broker.AmqpUri().ToString()), ("RabbitMq:DeliveryLimit", DeliveryLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        builder.AddMedPipelineMassTransit(x => x.AddConsumer<PoisonProbe, PoisonProbeDefinition>());
        using var host = builder.Build();
        // A started host has declared its queues; stopped, it leaves the queue to the test.
        await host.StartAsync();
        await host.StopAsync();
    }

    private static async Task<BasicGetResult?> FindAsync(IChannel channel, string queue, string messageId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var message = await channel.BasicGetAsync(queue, autoAck: true);
            if (message?.BasicProperties.MessageId == messageId)
            {
                return message;
            }

            if (message is null)
            {
                // Dead letters are re-published by the queue's leader shortly after the last rejection.
                await Task.Delay(100);
            }
        }

        return null;
    }

    private static async Task AssertQueueArgumentsAsync(RabbitMqEndpoint broker)
    {
        using var management = broker.CreateManagementClient();
        using var queue = JsonDocument.Parse(await management.GetStringAsync(new Uri("api/queues/%2F/" + PoisonProbeDefinition.Queue, UriKind.Relative)));
        var arguments = queue.RootElement.GetProperty("arguments");
        Assert.That(queue.RootElement.GetProperty("type").GetString(), Is.EqualTo("quorum"));
        Assert.That(arguments.GetProperty("x-delivery-limit").GetInt32(), Is.EqualTo(DeliveryLimit));
        Assert.That(arguments.GetProperty("x-dead-letter-exchange").GetString(), Is.EqualTo(PoisonProbeDefinition.Queue + PoisonMessageLimit.DeadLetterSuffix));
        Assert.That(arguments.GetProperty("x-dead-letter-strategy").GetString(), Is.EqualTo("at-least-once"));
    }
}
