namespace MedPipeline.Benchmarks;

/// <summary>Single-run times in ms: fastest, median and 90th percentile, and runs per second of run time.</summary>
internal sealed record RunTimes(int Runs, double MinMs, double MedianMs, double P90Ms, double RunsPerSecond)
{
    public static RunTimes Of(List<double> milliseconds)
    {
        milliseconds.Sort();
        return new RunTimes(milliseconds.Count, milliseconds[0], Percentiles.Of(milliseconds, 50), Percentiles.Of(milliseconds, 90),
            1000 * milliseconds.Count / milliseconds.Sum());
    }
}
