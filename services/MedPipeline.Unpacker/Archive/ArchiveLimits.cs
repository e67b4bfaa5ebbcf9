using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Unpacker.Archive;

/// <summary>What a series archive may contain before it is treated as hostile (bound from "Unpacker:Limits").</summary>
public sealed class ArchiveLimits
{
    [Range(1, 100_000)]
    public int MaxEntries { get; set; } = 5_000;

    /// <summary>Sum of the bytes actually inflated, counted while extracting (declared sizes are not trusted).</summary>
    [Range(1, long.MaxValue)]
    public long MaxTotalBytes { get; set; } = 8L * 1024 * 1024 * 1024;

    [Range(1, long.MaxValue)]
    public long MaxEntryBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Inflated/compressed ratio above which an entry is a zip bomb (DICOM rarely compresses past 20:1).</summary>
    [Range(2, 100_000)]
    public int MaxCompressionRatio { get; set; } = 200;
}
