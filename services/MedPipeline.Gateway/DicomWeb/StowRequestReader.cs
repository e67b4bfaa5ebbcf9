using MedPipeline.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MedPipeline.Gateway.DicomWeb;

/// <summary>
/// Reads a STOW-RS body (multipart/related; type="application/dicom", PS3.18 §10.5.1) part by part, each straight
/// to the store. A part that is not application/dicom, too large, unreadable or of another study fails alone;
/// the others are stored. The organization's waiting data (uploads and pending series) is capped as for ZIP uploads.
/// </summary>
public sealed class StowRequestReader(StowInstanceReceiver receiver, ISeriesStore store, IOptions<DicomWebOptions> options,
    IOptions<Options.UploadOptions> uploads)
{
    private const string DicomMediaType = "application/dicom";

    /// <summary>The boundary, or null when the request is not multipart/related of application/dicom (answered 415).</summary>
    public static string? BoundaryOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !media.MediaType.Equals("multipart/related", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var type = media.Parameters.FirstOrDefault(p => p.Name.Equals("type", StringComparison.OrdinalIgnoreCase));
        if (type is not null && !HeaderUtilities.RemoveQuotes(type.Value).Equals(DicomMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        return string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200 ? null : boundary;
    }

    public async Task<IReadOnlyList<StowOutcome>> ReadAsync(Stream body, string boundary, string organization, string? study, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, body) { HeadersLengthLimit = 16 * 1024 };
        var outcomes = new List<StowOutcome>();
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!MediaTypeHeaderValue.TryParse(section.ContentType, out var media) || !media.MediaType.Equals(DicomMediaType, StringComparison.OrdinalIgnoreCase))
            {
                outcomes.Add(StowOutcome.Failed(StowFailure.CannotUnderstand));
                continue;
            }

            var room = uploads.Value.MaxWaitingBytesPerOrganization
                - store.BytesBelow(StoreLayout.ArchivesOf(organization)) - store.BytesBelow(PendingSeriesStore.OrganizationPrefix(organization));
            outcomes.Add(room <= 0
                ? StowOutcome.Failed(StowFailure.OutOfResources)
                : await receiver.ReceiveAsync(section.Body, organization, study, Math.Min(options.Value.MaxInstanceBytes, room), cancellationToken));
        }

        return outcomes;
    }
}
