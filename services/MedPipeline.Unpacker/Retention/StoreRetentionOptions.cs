using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Unpacker.Retention;

/// <summary>
/// How long the store keeps uploads and series data ("Retention:StoreData"): the saga deletes a series'
/// data when it ends; the sweep removes what an ended, lost or abandoned series left behind.
/// </summary>
public sealed class StoreRetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Age (since the newest write) after which an upload or a series folder is deleted.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00", ErrorMessage = "Retention:StoreData must be between 1 hour and 10 years.")]
    public TimeSpan StoreData { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How often the sweep runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Retention:Every must be between 1 second and 1 day.")]
    public TimeSpan Every { get; set; } = TimeSpan.FromHours(1);
}
