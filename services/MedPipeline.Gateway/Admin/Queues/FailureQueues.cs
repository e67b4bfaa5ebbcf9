using MedPipeline.Hosting.Messaging;

namespace MedPipeline.Gateway.Admin.Queues;

/// <summary>
/// The queues the operations API may touch: MassTransit's <c>{queue}_error</c> and <c>{queue}_skipped</c> and our
/// <c>{queue}_dead-letter</c> (PoisonMessageLimit). A message in one came from <c>{queue}</c>, where a replay sends it.
/// </summary>
public static class FailureQueues
{
    public static IReadOnlyList<string> Suffixes { get; } = ["_error", "_skipped", PoisonMessageLimit.DeadLetterSuffix];

    public static bool IsFailureQueue(string name) => SourceOf(name) is not null;

    /// <summary>The queue (and its exchange of the same name) a failure queue's messages came from; null for any other name.</summary>
    public static string? SourceOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var suffix = Suffixes.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal));
        return suffix is null || name.Length == suffix.Length ? null : name[..^suffix.Length];
    }
}
