using RabbitMQ.Client;

namespace MedPipeline.Gateway.Admin.Queues;

/// <summary>
/// Goes once through the messages a failure queue holds, deciding for each (<see cref="WalkStep"/>): get it without
/// acknowledging, publish it where it goes (back to the end of the same queue, or to the queue it failed from) and wait
/// for the broker's confirm, then acknowledge the original. A crash between the publish and the ack leaves both copies (a
/// duplicate, which the consumers' inbox absorbs), never none. Why not browse with requeue: MassTransit declares
/// <c>_error</c> with the endpoint's quorum arguments, delivery limit included, so every requeue counts a delivery and
/// enough browsing would dead-letter the message; a fresh copy starts at zero. After a whole walk the kept messages are in
/// their first order. One walk at a time per gateway, so two operators do not see each other's copies.
/// </summary>
public sealed partial class FailureQueueWalker(OpsBrokerConnection broker, ILogger<FailureQueueWalker> logger)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<IReadOnlyList<(FailedMessage Message, WalkStep Step)>> WalkAsync(string queue, Func<FailedMessage, WalkStep> decide,
        CancellationToken cancellationToken)
    {
        var source = FailureQueues.SourceOf(queue) ?? throw new ArgumentException($"{queue} is not a failure queue.", nameof(queue));
        var walked = new List<(FailedMessage, WalkStep)>();
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            await using var channel = await broker.OpenChannelAsync(cancellationToken);
            // Only what was there when the walk began: the copies it puts back are behind those.
            long remaining = 1;
            while (remaining-- > 0)
            {
                var got = await channel.BasicGetAsync(queue, autoAck: false, cancellationToken);
                if (got is null)
                {
                    break;
                }

                if (walked.Count == 0)
                {
                    remaining = got.MessageCount;
                }

                var message = FailedMessageHeaders.Summarize(got.BasicProperties);
                var step = decide(message);
                await MoveAsync(channel, got, step, queue, source, cancellationToken);
                walked.Add((message, step));
            }
        }
        finally
        {
            _oneAtATime.Release();
        }

        LogWalked(logger, queue, walked.Count, walked.Count(w => w.Item2 == WalkStep.Replay), walked.Count(w => w.Item2 == WalkStep.Discard));
        return walked;
    }

    private static async Task MoveAsync(IChannel channel, BasicGetResult got, WalkStep step, string queue, string source, CancellationToken cancellationToken)
    {
        // mandatory: an exchange with no queue bound returns the message, and the publish throws before the ack.
        switch (step)
        {
            case WalkStep.Keep:
                await channel.BasicPublishAsync(queue, "", mandatory: true, FailedMessageHeaders.ForKeeping(got.BasicProperties), got.Body, cancellationToken);
                break;
            case WalkStep.Replay:
                await channel.BasicPublishAsync(source, "", mandatory: true, FailedMessageHeaders.ForReplay(got.BasicProperties), got.Body, cancellationToken);
                break;
            case WalkStep.Discard:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, null);
        }

        await channel.BasicAckAsync(got.DeliveryTag, multiple: false, cancellationToken);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Walked failure queue {Queue}: {Messages} messages, {Replayed} replayed, {Discarded} discarded")]
    private static partial void LogWalked(ILogger logger, string queue, int messages, int replayed, int discarded);
}
