namespace MedPipeline.Gateway.Admin.Queues;

/// <summary>What a walk through a failure queue does with one message.</summary>
public enum WalkStep
{
    /// <summary>Put it back at the end of the same queue (a fresh copy, so no delivery is counted).</summary>
    Keep,

    /// <summary>Send it to the queue it failed from.</summary>
    Replay,

    /// <summary>Remove it.</summary>
    Discard,
}
