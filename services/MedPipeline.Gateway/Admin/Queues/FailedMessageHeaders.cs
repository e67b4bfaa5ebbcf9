using System.Globalization;
using System.Text;
using RabbitMQ.Client;

namespace MedPipeline.Gateway.Admin.Queues;

/// <summary>
/// Reads the fault MassTransit writes into a message it moves to <c>_error</c> (MT-Reason, MT-Fault-*) and the
/// x-death RabbitMQ adds when it dead-letters one; and removes both for a replay, so the message goes back as it
/// was first sent.
/// </summary>
public static class FailedMessageHeaders
{
    // Added by the move to a failure queue (or by this client's publisher confirms), not by the sender.
    private static readonly string[] AddedOnFailurePrefixes = ["MT-Fault-", "MT-Host-", "x-first-death-", "x-last-death-"];
    private static readonly string[] AddedOnFailure = ["MT-Reason", "x-death", "x-delivery-count", "x-dotnet-pub-seq-no"];

    public static FailedMessage Summarize(IReadOnlyBasicProperties properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var headers = properties.Headers ?? new Dictionary<string, object?>();
        return new FailedMessage(
            properties.MessageId,
            properties.CorrelationId,
            Text(headers, "MT-Fault-MessageType"),
            Text(headers, "MT-Reason") ?? (headers.ContainsKey("x-death") ? "dead-lettered" : null),
            Text(headers, "MT-Fault-ExceptionType"),
            Text(headers, "MT-Fault-Message"),
            FaultedAt(headers),
            Text(headers, "x-first-death-reason"));
    }

    /// <summary>The message's properties without what its failure added.</summary>
    public static BasicProperties ForReplay(IReadOnlyBasicProperties properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var replay = new BasicProperties(properties);
        if (properties.Headers is not null)
        {
            replay.Headers = properties.Headers.Where(h => !AddedByFailure(h.Key)).ToDictionary(h => h.Key, h => h.Value);
        }

        return replay;
    }

    /// <summary>The same message, headers and all, for putting it back into its own failure queue.</summary>
    public static BasicProperties ForKeeping(IReadOnlyBasicProperties properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var kept = new BasicProperties(properties);
        if (properties.Headers is not null)
        {
            kept.Headers = properties.Headers.Where(h => h.Key is not ("x-delivery-count" or "x-dotnet-pub-seq-no")).ToDictionary(h => h.Key, h => h.Value);
        }

        return kept;
    }

    private static bool AddedByFailure(string header) =>
        AddedOnFailure.Contains(header, StringComparer.Ordinal) || AddedOnFailurePrefixes.Any(p => header.StartsWith(p, StringComparison.Ordinal));

    private static DateTimeOffset? FaultedAt(IDictionary<string, object?> headers)
    {
        if (DateTimeOffset.TryParse(Text(headers, "MT-Fault-Timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        // Dead-lettered by RabbitMQ: the newest death comes first in x-death.
        return headers.TryGetValue("x-death", out var deaths) && deaths is IList<object> { Count: > 0 } list
            && list[0] is IDictionary<string, object?> death && death.TryGetValue("time", out var time) && time is AmqpTimestamp stamp
            ? DateTimeOffset.FromUnixTimeSeconds(stamp.UnixTime)
            : null;
    }

    private static string? Text(IDictionary<string, object?> headers, string name) => headers.TryGetValue(name, out var value)
        ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            null => null,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        }
        : null;
}
