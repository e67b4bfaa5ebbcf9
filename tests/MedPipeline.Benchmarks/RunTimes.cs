namespace MedPipeline.Benchmarks;

/// <summary>
/// Single-run times of one candidate in ms, in the order they ran (one per round): fastest, median and
/// 90th percentile, and runs per second of run time.
/// </summary>
internal sealed record RunTimes(IReadOnlyList<double> InRoundOrder)
{
    private readonly List<double> _sorted = [.. InRoundOrder.Order()];

    public int Runs => _sorted.Count;

    public double MinMs => _sorted[0];

    public double MedianMs => Percentiles.Of(_sorted, 50);

    public double P90Ms => Percentiles.Of(_sorted, 90);

    public double RunsPerSecond => 1000 * _sorted.Count / _sorted.Sum();

    public static RunTimes Of(List<double> milliseconds) => new(milliseconds);

    /// <summary>The median, over rounds, of this candidate's run time divided by the other's in the same round: load that changes between rounds cancels out.</summary>
    public double RoundByRoundRatioTo(RunTimes other) =>
        Percentiles.Of([.. InRoundOrder.Zip(other.InRoundOrder, (mine, theirs) => mine / theirs).Order()], 50);
}
