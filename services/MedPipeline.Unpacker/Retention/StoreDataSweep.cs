using MedPipeline.Storage;
using Microsoft.Extensions.Options;

namespace MedPipeline.Unpacker.Retention;

/// <summary>
/// Deletes uploads under <c>archives/</c> and series folders under <c>series/</c> (see <see cref="StoreLayout"/>)
/// whose newest file is older than <see cref="StoreRetentionOptions.StoreData"/>; a series still being
/// written has a recent file and stays. The StatusCallback's delivery receipts under <c>callbacks/</c> go at the same age:
/// a lost acknowledgement brings a command back within minutes, not days.
/// </summary>
public sealed partial class StoreDataSweep(IOptions<StoreOptions> store, IOptions<StoreRetentionOptions> options, ILogger<StoreDataSweep> logger)
    : BackgroundService
{
    /// <summary>One sweep at <paramref name="now"/>; returns how many uploads, series folders and callback receipts were deleted.</summary>
    public (int Archives, int Series, int Receipts) SweepOnce(DateTimeOffset now)
    {
        var cutoff = (now - options.Value.StoreData).UtcDateTime;
        var root = Path.GetFullPath(store.Value.Path);
        var archives = Path.Combine(root, StoreLayout.ArchivesRoot);
        var series = Path.Combine(root, StoreLayout.SeriesRoot);
        var oldArchives = FilesOlderThan(archives, cutoff);
        var oldReceipts = FilesOlderThan(Path.Combine(root, StoreLayout.CallbacksRoot), cutoff);
        var oldSeries = Directory.Exists(series)
            ? Directory.EnumerateDirectories(series).Where(d => NewestWriteUtc(d) < cutoff).ToList()
            : [];
        oldArchives.ForEach(File.Delete);
        oldSeries.ForEach(d => Directory.Delete(d, recursive: true));
        oldReceipts.ForEach(File.Delete);
        return (oldArchives.Count, oldSeries.Count, oldReceipts.Count);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Every);
        do
        {
            try
            {
                var (archives, series, receipts) = SweepOnce(DateTimeOffset.UtcNow);
                LogSwept(archives, series, receipts);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file deleted or written by another process during the sweep: the next round finishes the job.
                LogFailed(e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static List<string> FilesOlderThan(string folder, DateTime cutoff) => Directory.Exists(folder)
        ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => File.GetLastWriteTimeUtc(f) < cutoff).ToList()
        : [];

    private static DateTime NewestWriteUtc(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(File.GetLastWriteTimeUtc)
            .Append(Directory.GetLastWriteTimeUtc(folder)).Max();

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Store retention deleted {Archives} uploads, {Series} series folders and {Receipts} callback receipts")]
    private partial void LogSwept(int archives, int series, int receipts);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Store retention sweep stopped early ({Error}); the next round goes on")]
    private partial void LogFailed(string error);
}
