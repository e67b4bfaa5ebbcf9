using System.CommandLine;
using MedPipeline.Cli.Ops;

namespace MedPipeline.Cli.Commands;

/// <summary>
/// <c>medpipe ops queues [queue] [--replay messageId | --replay-all | --discard messageId] [--limit n] [--json]</c>: the
/// _error, _skipped and _dead-letter queues through the admin API (global operators only).
/// </summary>
internal static class OpsQueuesCommand
{
    public static Command Create(Option<string> gateway)
    {
        var queue = new Argument<string?>("queue") { Description = "A failure queue (e.g. run-series-inference_error): its messages instead of the queues.", Arity = ArgumentArity.ZeroOrOne };
        var replay = new Option<string?>("--replay") { Description = "Send this message (by message id) back to the queue it failed from, then remove it." };
        var replayAll = new Option<bool>("--replay-all") { Description = "Send every message of the queue back to the queue it failed from." };
        var discard = new Option<string?>("--discard") { Description = "Remove this message (by message id)." };
        var limit = new Option<int>("--limit") { Description = "Messages to show (1-500).", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var queues = new Command("queues", "List the failure queues, one queue's messages (never the body), or replay or discard them.")
        {
            queue, gateway, replay, replayAll, discard, limit, json,
        };
        queues.SetAction((result, cancellationToken) => OpsQueuesRunner.RunAsync(new OpsQueuesRequest(
            result.GetValue(gateway)!, Environment.GetEnvironmentVariable("MEDPIPE_API_KEY") ?? "", result.GetValue(queue),
            result.GetValue(replay), result.GetValue(replayAll), result.GetValue(discard), result.GetValue(limit), result.GetValue(json)), cancellationToken));
        return queues;
    }
}
