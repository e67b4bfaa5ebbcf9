using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedPipeline.Hosting.Messaging;

public static class PoisonMessageLimit
{
    /// <summary>The suffix of an endpoint's dead-letter exchange and queue (beside MassTransit's <c>_error</c> and <c>_skipped</c>).</summary>
    public const string DeadLetterSuffix = "_dead-letter";

    /// <summary>
    /// Declares this endpoint's queue as a quorum queue (replicated, survives a node loss) with a delivery
    /// limit (<see cref="RabbitMqOptions.DeliveryLimit"/>) and its own dead-letter exchange and queue
    /// (<c>{queue}_dead-letter</c>), when the transport is RabbitMQ; other transports (the in-memory test
    /// harness) ignore it. MassTransit's retry and <c>_error</c> queue handle a consumer that throws; the
    /// limit handles what they cannot: a message whose delivery crashes the process (or never gets
    /// acknowledged) comes back on every restart, and after the limit RabbitMQ moves it, with its x-death
    /// reason <c>delivery_limit</c>, to the dead-letter queue instead of crash-looping the worker.
    /// Changing these arguments on an existing queue is refused by RabbitMQ (PRECONDITION_FAILED): see
    /// docs/operations.md, "How the pipeline holds up".
    /// </summary>
    public static void UseQuorumQueueWithDeadLetterOnRabbitMq(this IReceiveEndpointConfigurator configurator, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        ArgumentNullException.ThrowIfNull(context);
        if (configurator is not IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            return;
        }

        var deliveryLimit = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value.DeliveryLimit;
        var deadLetter = DeadLetterName(rabbit.InputAddress);
        rabbit.SetQuorumQueue();
        rabbit.SetQueueArgument("x-delivery-limit", deliveryLimit);
        rabbit.SetQueueArgument("x-dead-letter-exchange", deadLetter);
        // RabbitMQ 3.10+ quorum queues re-publish dead letters with publisher confirms (nothing is lost
        // between the queue and its dead-letter queue) only with overflow reject-publish; without a
        // length limit reject-publish never rejects anything.
        rabbit.SetQueueArgument("x-dead-letter-strategy", "at-least-once");
        rabbit.SetQueueArgument("x-overflow", "reject-publish");
        rabbit.BindDeadLetterQueue(deadLetter, deadLetter, queue => queue.SetQuorumQueue());
    }

    /// <summary>The dead-letter exchange and queue name of the endpoint at <paramref name="inputAddress"/>.</summary>
    public static string DeadLetterName(Uri inputAddress)
    {
        ArgumentNullException.ThrowIfNull(inputAddress);
        return inputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1] + DeadLetterSuffix;
    }
}
