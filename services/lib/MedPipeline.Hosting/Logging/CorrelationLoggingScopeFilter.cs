using MassTransit;
using Microsoft.Extensions.Logging;

namespace MedPipeline.Hosting.Logging;

/// <summary>
/// Puts CorrelationId, AttemptId and MessageType in the logging scope for the whole consume, so every
/// log line written while handling a message carries them (JSON console logs include scopes).
/// </summary>
public sealed partial class CorrelationLoggingScopeFilter<T>(ILogger<CorrelationLoggingScopeFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var (correlationId, attemptId) = MessageIdentity.Of(context);
        var scope = new Dictionary<string, object?>
        {
            ["CorrelationId"] = correlationId,
            ["AttemptId"] = attemptId,
            ["MessageType"] = typeof(T).Name,
        };
        using (logger.BeginScope(scope))
        {
            LogConsuming(typeof(T).Name);
            await next.Send(context);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("correlationLoggingScope");

    [LoggerMessage(EventId = 7004, Level = LogLevel.Debug, Message = "Consuming {MessageType}")]
    private partial void LogConsuming(string messageType);
}
