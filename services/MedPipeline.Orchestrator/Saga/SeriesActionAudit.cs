using Microsoft.Extensions.Logging;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>
/// The saga's audit lines for operator actions (rerun, cancel), in the audit category the gateway uses
/// ("MedPipeline.Audit"): who asked, on which series (correlation id only), and what the saga did. The operator's
/// note is free text (anyone could type a patient's name into it), so the line says only whether there was one and
/// how long it was, never its words.
/// </summary>
public sealed partial class SeriesActionAudit(ILoggerFactory loggers)
{
    public const string Category = "MedPipeline.Audit";
    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public void Record(string action, Guid correlationId, string organization, string client, string? note, string outcome) =>
        Write(_logger, action, organization, client, correlationId, note?.Length ?? 0, outcome);

    [LoggerMessage(EventId = 9110, Level = LogLevel.Warning,
        Message = "Audit {Action} by {Organization} ({Client}) on series {CorrelationId}, note of {NoteLength} characters (not logged): {Outcome}")]
    private static partial void Write(ILogger logger, string action, string organization, string client, Guid correlationId, int noteLength, string outcome);
}
