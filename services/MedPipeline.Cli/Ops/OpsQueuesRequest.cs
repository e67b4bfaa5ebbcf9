using System.Globalization;

namespace MedPipeline.Cli.Ops;

/// <summary>
/// What <c>medpipe ops queues</c> was asked: every failure queue, one queue's messages, or one action on it
/// (replay one, replay all, discard one).
/// </summary>
internal sealed record OpsQueuesRequest(string Gateway, string ApiKey, string? Queue, string? Replay, bool ReplayAll, string? Discard, int Limit, bool Json)
{
    public bool IsAction => Replay is not null || ReplayAll || Discard is not null;

    /// <summary>Why the options do not make one request; null when they do.</summary>
    public string? UsageError() =>
        (Replay is not null ? 1 : 0) + (ReplayAll ? 1 : 0) + (Discard is not null ? 1 : 0) > 1 ? "use one of --replay, --replay-all and --discard."
        : IsAction && Queue is null ? "--replay, --replay-all and --discard need the queue (e.g. medpipe ops queues run-series-inference_error --replay-all)."
        : null;

    /// <summary>The admin API's method and path for this request.</summary>
    public (HttpMethod Method, string PathAndQuery) Endpoint()
    {
        if (Queue is null)
        {
            return (HttpMethod.Get, "api/admin/queues");
        }

        var queue = $"api/admin/queues/{Uri.EscapeDataString(Queue)}";
        return this switch
        {
            { Replay: { } id } => (HttpMethod.Post, $"{queue}/messages/{Uri.EscapeDataString(id)}/replay"),
            { ReplayAll: true } => (HttpMethod.Post, $"{queue}/replay"),
            { Discard: { } id } => (HttpMethod.Post, $"{queue}/messages/{Uri.EscapeDataString(id)}/discard"),
            _ => (HttpMethod.Get, $"{queue}/messages?limit={Limit.ToString(CultureInfo.InvariantCulture)}"),
        };
    }
}
