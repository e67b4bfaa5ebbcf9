using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Persistence;

/// <summary>
/// Section "Persistence". When <see cref="ConnectionString"/> is empty, "ConnectionStrings:Orchestrator" is used.
/// </summary>
public sealed class PersistenceOptions
{
    public const string SectionName = "Persistence";

    public const string ConnectionStringName = "Orchestrator";

    [Required(ErrorMessage = "Set Persistence:ConnectionString or ConnectionStrings:Orchestrator.")]
    public string? ConnectionString { get; set; }

    /// <summary>False leaves delivery of outbox rows to another process (the rows wait in PostgreSQL).</summary>
    public bool RunRelay { get; set; } = true;

    /// <summary>How often the relay looks for rows it was not told about (rows left by a crashed process).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    [Range(1, 10_000)]
    public int RelayBatchSize { get; set; } = 100;

    /// <summary>How often due saga timeouts are looked for; bounds how late a timeout fires.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 10_000)]
    public int SweepBatchSize { get; set; } = 100;

    /// <summary>Sent outbox rows and inbox rows older than this are deleted by the relay.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
