namespace MedPipeline.Benchmarks.Speed;

/// <summary>
/// Reads a run's input files once before its clock starts, on both sides alike. These machines page out page cache not
/// touched for a minute (a DAMON "pageout" scheme: regions idle for 12 aggregation intervals of 5 s), so an input written
/// or last read earlier than that would come back from disk inside the timed run. The goals measure the pipeline and the
/// in-process run, not the benchmark's own disk reads.
/// </summary>
internal static class PageCache
{
    public static async Task ReadAsync(IEnumerable<string> files)
    {
        var buffer = new byte[1 << 20];
        foreach (var file in files)
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            while (await stream.ReadAsync(buffer) > 0)
            {
            }
        }
    }
}
