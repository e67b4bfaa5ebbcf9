namespace MedPipeline.Gateway.Live;

/// <summary>
/// What the broker told this gateway about a series: how far it got (<see cref="Stage"/>, done of total), or
/// that its attempt ended (<see cref="Finished"/>: read the status read model for the outcome).
/// </summary>
public sealed record SeriesProgressNotice(LiveStage Stage, int Done, int Total, bool Finished = false)
{
    public static SeriesProgressNotice End { get; } = new(LiveStage.Callback, 0, 0, Finished: true);

    /// <summary>Later in the series than <paramref name="other"/>: a further stage, or more done in the same one.</summary>
    public bool IsAfter(SeriesProgressNotice? other) =>
        other is null || Stage > other.Stage || (Stage == other.Stage && (Done > other.Done || (Done == other.Done && Total != other.Total)));
}
