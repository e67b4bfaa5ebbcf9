namespace MedPipeline.Unpacker.Archive;

/// <summary>Bytes inflated so far across the whole archive, against <see cref="ArchiveLimits.MaxTotalBytes"/>.</summary>
internal sealed class InflationBudget(ArchiveLimits limits)
{
    public long Used { get; private set; }

    public ArchiveLimits Limits { get; } = limits;

    public void Spend(long bytes, string entryName)
    {
        Used += bytes;
        if (Used > Limits.MaxTotalBytes)
        {
            throw new ArchiveRejectedException(ArchiveProblem.ZipBomb,
                $"the archive inflates past {Limits.MaxTotalBytes} bytes (at entry '{entryName}')");
        }
    }
}
