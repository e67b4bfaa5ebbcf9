using MedPipeline.Storage;
using Microsoft.Extensions.Options;

namespace MedPipeline.Unpacker.Retention;

/// <summary>
/// Deletes uploads under <c>archives/</c> and series folders under <c>series/</c> (see <see cref="StoreLayout"/>)
/// whose newest file is older than <see cref="StoreRetentionOptions.StoreData"/>; a series still being
/// written has a recent file and stays.
/// </summary>
public sealed partial class StoreDataSweep(IOptions<StoreOptions> store, IOptions<StoreRetentionOptions> options, ILogger<StoreDataSweep> logger)
    : BackgroundService
{
    /// <summary>One sweep at <paramref name="now"/>; returns how many uploads and series folders were deleted.</summary>
    public (int Archives, int Series) SweepOnce(DateTimeOffset now)
    {
        var cutoff = (now - options.Value.StoreData).UtcDateTime;
        var root = Path.GetFullPath(store.Value.Path);
        var archives = Path.Combine(root, StoreLayout.ArchivesRoot);
        var series = Path.Combine(root, StoreLayout.SeriesRoot);
        var oldArchives = Directory.Exists(archives)
            ? Directory.EnumerateFiles(archives, "*", SearchOption.AllDirectories).Where(f => File.GetLastWriteTimeUtc(f) < cutoff).ToList()
            : [];
        var oldSeries = Directory.Exists(series)
            ? Directory.EnumerateDirectories(series).Where(d => NewestWriteUtc(d) < cutoff).ToList()
            : [];
        oldArchives.ForEach(File.Delete);
        oldSeries.ForEach(d => Directory.Delete(d, recursive: true));
        return (oldArchives.Count, oldSeries.Count);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Every);
        do
        {
            try
            {
                var (archives, series) = SweepOnce(DateTimeOffset.UtcNow);
                LogSwept(archives, series);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file deleted or written by another process during the sweep: the next round finishes the job.
                LogFailed(e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static DateTime NewestWriteUtc(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(File.GetLastWriteTimeUtc)
            .Append(Directory.GetLastWriteTimeUtc(folder)).Max();

    [LoggerMessage(Level = LogLevel.Information, Message = "Store retention deleted {Archives} uploads and {Series} series folders")]
    private partial void LogSwept(int archives, int series);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store retention sweep stopped early ({Error}); the next round goes on")]
    private partial void LogFailed(string error);
}
