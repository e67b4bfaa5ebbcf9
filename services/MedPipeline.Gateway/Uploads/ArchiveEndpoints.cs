using MassTransit;
using MedPipeline.Gateway.Identity;
using MedPipeline.Gateway.Options;
using MedPipeline.Organizations;
using MedPipeline.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace MedPipeline.Gateway.Uploads;

/// <summary>
/// POST /api/archives: the upload step of direct enqueue. A backend that publishes its own PredictSeries never gets
/// the store: it uploads the series ZIP here (its API key names its organization), gets the archive key under its own
/// prefix back, and names that key in the command it publishes to its organization's ingress exchange. The same
/// checks as a series request apply (ZIP signature, size, the organization's cap on waiting uploads); an archive no
/// command claims is deleted by the store's retention like any other upload.
/// </summary>
public static class ArchiveEndpoints
{
    public static void MapArchiveEndpoints(this WebApplication app)
    {
        app.MapPost("/api/archives", Upload)
            .RequireAuthorization(GatewayRoles.Submit)
            .WithMetadata(new RateLimited(RateLimitedKind.SeriesSubmit))
            .DisableAntiforgery()
            .WithName("UploadArchive")
            .WithSummary("Store a series ZIP (body: application/zip) under the caller's organization and answer its archive key, for a direct-enqueue PredictSeries.");
    }

    private static async Task<IResult> Upload(HttpContext http, ArchiveIntake intake, IOptions<UploadOptions> options, OrganizationDirectory organizations,
        AuditLog audit)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = options.Value.MaxArchiveBytes + 1;
        }

        // The same answer as a series request whose key names no configured organization.
        if (!OrganizationScope.TryResolve(http.User, null, organizations, out var organization, out var unconfigured))
        {
            audit.Record(http.User, "upload-archive", null, "refused 403: organization");
            return unconfigured;
        }

        var contentType = http.Request.ContentType?.Split(';')[0].Trim();
        if (contentType is not ("application/zip" or "application/octet-stream"))
        {
            audit.Record(http.User, "upload-archive", null, "refused 415");
            return new UploadRejection(StatusCodes.Status415UnsupportedMediaType, "The body must be the series ZIP.",
                new Dictionary<string, string[]> { ["Content-Type"] = [$"must be application/zip, was '{contentType}'"] }).ToResult(http);
        }

        var archiveKey = StoreLayout.Archive(organization, NewId.NextGuid());
        long limit = 0;
        try
        {
            limit = intake.LimitFor(organization);
            var stored = await intake.WriteAsync(archiveKey, http.Request.Body, limit, http.RequestAborted);
            audit.Record(http.User, "upload-archive", null, "stored 201");
            return TypedResults.Created((string?)null, new ArchiveUploaded(archiveKey, stored.Length));
        }
        catch (Exception e) when (ArchiveIntake.IsRefusal(e))
        {
            var rejection = intake.Refusal(e, limit, "The body could not be read.");
            audit.Record(http.User, "upload-archive", null, $"refused {rejection.StatusCode}");
            return rejection.ToResult(http);
        }
    }
}
