using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Orchestrator.Retention;

/// <summary>
/// How long the orchestrator keeps what it no longer needs (section "Retention"): finished series rows
/// (state and status) and the inbox/outbox rows of delivered messages. The store's data is swept by the
/// Unpacker (its own "Retention:StoreData").
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Age (since the last change) after which a Completed, NotSupported or Failed series is deleted.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00", ErrorMessage = "Retention:TerminalSeries must be between 1 hour and 10 years.")]
    public TimeSpan TerminalSeries { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Age after which inbox rows and delivered outbox rows are deleted.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00", ErrorMessage = "Retention:Messages must be between 1 hour and 10 years.")]
    public TimeSpan Messages { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the job runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Retention:Every must be between 1 second and 1 day.")]
    public TimeSpan Every { get; set; } = TimeSpan.FromHours(1);
}
