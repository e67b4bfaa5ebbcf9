using System.Text;
using MedPipeline.Organizations;
using MedPipeline.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace MedPipeline.Gateway.Uploads;

/// <summary>
/// Reads the multipart request of POST /api/studies/series/predict section by section: the ZIP is
/// streamed straight into the store under the caller's organization prefix (never held in memory), the fields are checked, and any
/// problem becomes an <see cref="UploadRejection"/> naming the field, with nothing left behind. An organization whose
/// uploads already waiting in the store reach its cap is refused (429) before, or as soon as, the new one would pass it.
/// </summary>
public sealed class SeriesUploadReader(ISeriesStore store, ArchiveIntake intake, IModelCatalog models)
{
    private const int MaxFieldLength = 1024;

    /// <summary>A ZIP of hundreds of megabytes is copied in chunks of this size, not the reader's default few kilobytes.</summary>
    private const int SectionBufferBytes = 256 * 1024;
    private static readonly string[] Fields = ["seriesId", "organization", "studyInstanceUid", "seriesInstanceUid", "modelType", "predictAgain"];

    public async Task<SeriesUploadForm> ReadAsync(HttpRequest request, string organization, Guid requestId, CancellationToken cancellationToken)
    {
        var boundary = BoundaryOf(request.ContentType);
        var archiveKey = StoreLayout.Archive(organization, requestId);
        var limit = intake.LimitFor(organization);
        try
        {
            var (fields, archive) = await ReadSectionsAsync(new MultipartReader(boundary, request.Body, SectionBufferBytes), archiveKey, limit, cancellationToken);
            return Validate(fields, archive, archiveKey);
        }
        catch (Exception e) when (ArchiveIntake.IsRefusal(e))
        {
            store.DeletePrefix(archiveKey);
            throw intake.Refusal(e, limit, "The multipart body could not be read.");
        }
    }

    private static string BoundaryOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new UploadRejection(StatusCodes.Status415UnsupportedMediaType, "The request must be multipart/form-data.",
                new Dictionary<string, string[]> { ["Content-Type"] = [$"was '{contentType}'"] });
        }

        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        return string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200
            ? throw UploadRejection.Field("Content-Type", "has no usable multipart boundary")
            : boundary;
    }

    private async Task<(Dictionary<string, string> Fields, StoredObject? Archive)> ReadSectionsAsync(
        MultipartReader reader, string archiveKey, long maxArchiveBytes, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        StoredObject? archive = null;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                throw UploadRejection.Field("body", "every part needs a Content-Disposition: form-data header");
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (name == "file")
            {
                archive = archive is null
                    ? await intake.WriteAsync(archiveKey, section.Body, maxArchiveBytes, cancellationToken)
                    : throw UploadRejection.Field("file", "was sent more than once");
                continue;
            }

            if (!Fields.Contains(name))
            {
                throw UploadRejection.Field(name, $"is not a field of this request; expected file, {string.Join(", ", Fields)}");
            }

            if (!fields.TryAdd(name, await ReadFieldAsync(section, name, cancellationToken)))
            {
                throw UploadRejection.Field(name, "was sent more than once");
            }
        }

        return (fields, archive);
    }

    private static async Task<string> ReadFieldAsync(MultipartSection section, string name, CancellationToken cancellationToken)
    {
        var buffer = new char[MaxFieldLength + 1];
        using var reader = new StreamReader(section.Body, Encoding.UTF8);
        var length = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return length > MaxFieldLength
            ? throw UploadRejection.Field(name, $"is longer than {MaxFieldLength} characters")
            : new string(buffer, 0, length).Trim();
    }

    private SeriesUploadForm Validate(Dictionary<string, string> fields, StoredObject? archive, string archiveKey)
    {
        var errors = new Dictionary<string, string[]>();
        string Required(string name, Func<string, string?> rule)
        {
            if (!fields.TryGetValue(name, out var value) || value.Length == 0)
            {
                errors[name] = ["is required"];
                return "";
            }

            if (rule(value) is { } problem)
            {
                errors[name] = [problem];
            }

            return value;
        }

        var seriesId = Required("seriesId", SeriesRequestFields.SeriesId);
        // Optional: the caller's identity says which organization this is; a named one is checked against it later.
        var organization = fields.TryGetValue("organization", out var named) && named.Length > 0 ? named : "";
        if (organization.Length > 0 && SeriesRequestFields.Name(organization) is { } badName)
        {
            errors["organization"] = [badName];
        }

        var study = Required("studyInstanceUid", SeriesRequestFields.Uid);
        var series = Required("seriesInstanceUid", SeriesRequestFields.Uid);
        var modelType = Required("modelType", v => models.ModelTypes.Contains(v)
            ? null
            : $"is not a known model type; known: {string.Join(", ", models.ModelTypes.Order(StringComparer.Ordinal))}");
        var predictAgain = fields.TryGetValue("predictAgain", out var again) ? FieldRules.Boolean(again) : false;
        if (predictAgain is null)
        {
            errors["predictAgain"] = ["must be true or false"];
        }

        if (archive is null)
        {
            errors["file"] = ["is required: the series as a ZIP of .dcm files"];
        }

        return errors.Count > 0
            ? throw new UploadRejection(StatusCodes.Status400BadRequest, "The request is invalid.", errors)
            : new SeriesUploadForm(seriesId, organization, study, series, modelType, predictAgain!.Value, archiveKey, archive!.Length);
    }
}
