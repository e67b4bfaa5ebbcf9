using System.Security.Claims;

namespace MedPipeline.Gateway.Identity;

/// <summary>
/// The audit trail, in its own log category ("MedPipeline.Audit"): who (organization, key or token
/// client), what, which series (correlation id, never a UID or patient data), and the outcome.
/// The JSON log line carries the time.
/// </summary>
public sealed partial class AuditLog(ILoggerFactory loggers)
{
    public const string Category = "MedPipeline.Audit";
    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public void Record(ClaimsPrincipal user, string action, Guid? correlationId, string outcome) =>
        Write(_logger, action, CallerClaims.OrganizationOf(user) ?? "anonymous", CallerClaims.ClientOf(user), correlationId, outcome);

    [LoggerMessage(EventId = 9000, Level = LogLevel.Information,
        Message = "Audit {Action} by {Organization} ({Client}) on series {CorrelationId}: {Outcome}")]
    private static partial void Write(ILogger logger, string action, string organization, string client, Guid? correlationId, string outcome);
}
