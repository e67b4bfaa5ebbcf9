using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Storage;
using Microsoft.Extensions.Logging;

namespace MedPipeline.Unpacker.Consumers;

/// <summary>
/// Deletes store keys the saga no longer needs. Only keys under "archives/" and "series/" are touched, so
/// a malformed message cannot remove anything else; deleting what is already gone is fine (redelivery).
/// </summary>
public sealed partial class DeleteSeriesDataConsumer(ISeriesStore store, ILogger<DeleteSeriesDataConsumer> logger) : IConsumer<DeleteSeriesData>
{
    public Task Consume(ConsumeContext<DeleteSeriesData> context)
    {
        var m = context.Message;
        var deleted = 0;
        foreach (var key in m.Keys)
        {
            if (StoreLayout.IsDeletable(key))
            {
                store.DeletePrefix(key);
                deleted++;
            }
            else
            {
                LogRefused(m.CorrelationId, key);
            }
        }

        LogDeleted(m.CorrelationId, deleted);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Series {CorrelationId}: {Count} store key(s) deleted")]
    private partial void LogDeleted(Guid correlationId, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Series {CorrelationId}: refused to delete store key {Key} (not under archives/ or series/)")]
    private partial void LogRefused(Guid correlationId, string key);
}
