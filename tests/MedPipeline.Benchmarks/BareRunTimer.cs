using System.Diagnostics;

namespace MedPipeline.Benchmarks;

/// <summary>
/// Times single runs of several candidates in rounds of one run each (the order flips every round), so
/// that load from other processes on the machine falls on all of them alike, run by run.
/// </summary>
internal static class BareRunTimer
{
    private const int WarmUpRuns = 3;
    private const int MinimumRounds = 12;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(6);

    public static IReadOnlyDictionary<string, RunTimes> Measure(IReadOnlyList<RunCandidate> candidates)
    {
        foreach (var candidate in candidates)
        {
            for (var i = 0; i < WarmUpRuns; i++)
            {
                candidate.Run();
            }
        }

        var times = candidates.ToDictionary(c => c.Binding, _ => new List<double>());
        var watch = Stopwatch.StartNew();
        for (var round = 0; round < MinimumRounds || watch.Elapsed < Budget; round++)
        {
            foreach (var candidate in round % 2 == 0 ? candidates : candidates.Reverse())
            {
                var run = Stopwatch.GetTimestamp();
                candidate.Run();
                times[candidate.Binding].Add(Stopwatch.GetElapsedTime(run).TotalMilliseconds);
            }
        }

        return candidates.ToDictionary(c => c.Binding, c => RunTimes.Of(times[c.Binding]));
    }
}
