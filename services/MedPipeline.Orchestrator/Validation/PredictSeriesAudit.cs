using Microsoft.Extensions.Logging;

namespace MedPipeline.Orchestrator.Validation;

/// <summary>
/// The orchestrator's audit trail, in the same log category as the gateway's ("MedPipeline.Audit"): which
/// command was refused and why, by correlation id and organization only (never a UID or patient data).
/// </summary>
public sealed partial class PredictSeriesAudit(ILoggerFactory loggers)
{
    public const string Category = "MedPipeline.Audit";
    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public void Rejected(Guid correlationId, string organization, string reason) => WriteRejected(_logger, correlationId, organization, reason);

    [LoggerMessage(EventId = 9100, Level = LogLevel.Warning,
        Message = "Audit PredictSeries rejected for series {CorrelationId} of organization {Organization}: {Reason}; nothing was processed")]
    private static partial void WriteRejected(ILogger logger, Guid correlationId, string organization, string reason);
}
