namespace MedPipeline.Unpacker.Archive;

/// <summary>Bytes inflated so far across the whole archive, against <see cref="ArchiveLimits.MaxTotalBytes"/>.</summary>
/// Shared by the workers that extract one archive at once, so the count is atomic.
internal sealed class InflationBudget(ArchiveLimits limits)
{
    private long _used;

    public long Used => Interlocked.Read(ref _used);

    public ArchiveLimits Limits { get; } = limits;

    public void Spend(long bytes, string entryName)
    {
        if (Interlocked.Add(ref _used, bytes) > Limits.MaxTotalBytes)
        {
            throw new ArchiveRejectedException(ArchiveProblem.ZipBomb,
                $"the archive inflates past {Limits.MaxTotalBytes} bytes (at entry '{entryName}')");
        }
    }
}
