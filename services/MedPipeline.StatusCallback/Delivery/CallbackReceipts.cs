using System.Text.Json;
using MedPipeline.Storage;
using Microsoft.Extensions.Logging;

namespace MedPipeline.StatusCallback.Delivery;

/// <summary>
/// Durable receipts of delivered callbacks in the shared store, keyed by <c>SendSeriesStatusCallback.CallbackId</c>.
/// A command comes again when its acknowledgement was lost (the broker went away, the worker was killed after the PUT)
/// or when the saga's outbox relays it twice; with a receipt it is reported as delivered without calling the backend again.
/// </summary>
public sealed partial class CallbackReceipts(ISeriesStore store, TimeProvider time, ILogger<CallbackReceipts> logger)
{
    private const long MaxReceiptBytes = 4096;

    /// <summary>The receipt of an earlier delivery, or null (also for commands without a callback id).</summary>
    public async Task<CallbackReceipt?> FindAsync(Guid callbackId, CancellationToken cancellationToken)
    {
        var key = StoreLayout.CallbackReceipt(callbackId);
        if (callbackId == Guid.Empty || !store.Exists(key))
        {
            return null;
        }

        try
        {
            await using var stream = store.OpenRead(key);
            return await JsonSerializer.DeserializeAsync<CallbackReceipt>(stream, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            // Removed by the retention sweep or unreadable: deliver again rather than lose the callback.
            LogUnreadable(callbackId, e.GetType().Name);
            return null;
        }
    }

    /// <summary>Keeps the receipt; a store that cannot take it is logged and the delivery still counts.</summary>
    public async Task RecordAsync(Guid callbackId, int statusCode, int attempts, CancellationToken cancellationToken)
    {
        if (callbackId == Guid.Empty)
        {
            return;
        }

        try
        {
            using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(new CallbackReceipt(statusCode, attempts, time.GetUtcNow())));
            await store.WriteAsync(StoreLayout.CallbackReceipt(callbackId), content, MaxReceiptBytes, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogNotRecorded(callbackId, e.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Receipt of callback {CallbackId} could not be read ({Error}); the callback is delivered again")]
    private partial void LogUnreadable(Guid callbackId, string error);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "Receipt of callback {CallbackId} could not be kept ({Error}); a redelivery of it would be sent again")]
    private partial void LogNotRecorded(Guid callbackId, string error);
}
