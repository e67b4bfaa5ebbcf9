using MedPipeline.Gateway.Options;
using MedPipeline.Storage;
using Microsoft.Extensions.Options;

namespace MedPipeline.Gateway.Uploads;

/// <summary>
/// How an uploaded series ZIP goes into the store, for the series request and the archive upload alike: under the
/// caller's organization prefix, checked to start like a ZIP, at most <see cref="UploadOptions.MaxArchiveBytes"/> and
/// within the organization's cap on uploads waiting in the store. Every refusal is an <see cref="UploadRejection"/>
/// and leaves nothing behind.
/// </summary>
public sealed class ArchiveIntake(ISeriesStore store, IOptions<UploadOptions> options)
{
    /// <summary>The most bytes this organization's next upload may have (429 when its waiting uploads fill its cap).</summary>
    public long LimitFor(string organization)
    {
        var room = options.Value.MaxWaitingBytesPerOrganization - store.BytesBelow(StoreLayout.ArchivesOf(organization));
        return room <= 0 ? throw TooMuchWaiting() : Math.Min(options.Value.MaxArchiveBytes, room);
    }

    /// <summary>
    /// Streams <paramref name="zip"/> to <paramref name="archiveKey"/>; a refused or broken upload keeps nothing and
    /// throws what <see cref="Refusal"/> turns into the answer.
    /// </summary>
    public async Task<StoredObject> WriteAsync(string archiveKey, Stream zip, long limit, CancellationToken cancellationToken)
    {
        try
        {
            return await store.WriteAsync(archiveKey, new ZipSignatureStream(zip), limit, cancellationToken);
        }
        catch (Exception e) when (IsRefusal(e))
        {
            store.DeletePrefix(archiveKey);
            throw;
        }
    }

    /// <summary>Whether <see cref="Refusal"/> has an answer for this failure of an upload.</summary>
    public static bool IsRefusal(Exception error) => error is UploadRejection or StoreLimitExceededException or InvalidDataException or IOException;

    /// <summary>What a failed upload means to the caller; <paramref name="unreadable"/> is the title for a body that could not be read.</summary>
    public UploadRejection Refusal(Exception error, long limit, string unreadable) => error switch
    {
        UploadRejection rejection => rejection,
        StoreLimitExceededException when limit < options.Value.MaxArchiveBytes => TooMuchWaiting(),
        StoreLimitExceededException => new UploadRejection(StatusCodes.Status413PayloadTooLarge, "The archive is too large.",
            new Dictionary<string, string[]> { ["file"] = [$"must be at most {options.Value.MaxArchiveBytes} bytes"] }),
        _ => new UploadRejection(StatusCodes.Status400BadRequest, unreadable, new Dictionary<string, string[]> { ["body"] = [error.Message] }),
    };

    private UploadRejection TooMuchWaiting() =>
        new(StatusCodes.Status429TooManyRequests, "Too many of this organization's uploads wait in the store.",
            new Dictionary<string, string[]>
            {
                ["file"] = [$"this organization's waiting uploads would pass {options.Value.MaxWaitingBytesPerOrganization} bytes; retry when some series have finished"],
            },
            options.Value.WaitingBytesRetryAfter);
}
