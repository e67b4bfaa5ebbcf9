using System.Diagnostics;

namespace MedPipeline.Benchmarks;

/// <summary>Times single runs one by one (not a loop's average), so the median and tail of one run show.</summary>
internal static class BareRunTimer
{
    private const int WarmUpRuns = 3;
    private const int MinimumRuns = 12;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    public static RunTimes Measure(Action run)
    {
        for (var i = 0; i < WarmUpRuns; i++)
        {
            run();
        }

        var times = new List<double>();
        var watch = Stopwatch.StartNew();
        while (times.Count < MinimumRuns || watch.Elapsed < Budget)
        {
            var start = Stopwatch.GetTimestamp();
            run();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return RunTimes.Of(times);
    }
}
