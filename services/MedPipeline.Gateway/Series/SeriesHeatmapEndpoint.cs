using System.Security.Claims;
using MedPipeline.Gateway.Identity;
using MedPipeline.Gateway.Uploads;
using MedPipeline.Organizations;
using MedPipeline.Storage;
using Npgsql;

namespace MedPipeline.Gateway.Series;

/// <summary>
/// GET /api/studies/series/{series}/heatmaps/{sop}/{frame}: one heatmap PNG the Inference worker stored, found through the
/// status read model exactly as the status is (the caller's organization only: anyone else's series is a 404), so a key
/// is only ever read when the orchestrator recorded it for this series. Not cached: the PNG shows patient pixels.
/// </summary>
public static class SeriesHeatmapEndpoint
{
    public static void MapSeriesHeatmapEndpoint(this WebApplication app) =>
        app.MapGet("/api/studies/series/{seriesInstanceUid}/heatmaps/{sopInstanceUid}/{frame:int}", Heatmap)
            .RequireAuthorization(GatewayRoles.Read)
            .WithMetadata(new RateLimited(RateLimitedKind.StatusRead))
            .WithName("SeriesHeatmap")
            .WithSummary("The heatmap PNG of one deciding frame of a series (URLs come with the status answer).");

    private static async Task<IResult> Heatmap(HttpContext http, string seriesInstanceUid, string sopInstanceUid, int frame, string? organization,
        string? modelType, string? studyInstanceUid, ClaimsPrincipal user, SeriesStatusReader statuses, OrganizationDirectory organizations,
        IModelCatalog models, ISeriesStore store, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!OrganizationScope.TryResolve(user, organization, organizations, out var callerOrganization, out var refusal))
        {
            audit.Record(user, "read-heatmap", null, "refused 403: organization");
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(modelType) || !models.ModelTypes.Contains(modelType))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["modelType"] = [string.IsNullOrWhiteSpace(modelType) ? "is required" : $"is not a known model type; known: {string.Join(", ", models.ModelTypes.Order(StringComparer.Ordinal))}"],
            }, title: "The request is invalid.");
        }

        SeriesStatusRow? row;
        try
        {
            row = await statuses.FindAsync(callerOrganization, seriesInstanceUid, modelType, string.IsNullOrWhiteSpace(studyInstanceUid) ? null : studyInstanceUid, cancellationToken);
        }
        catch (NpgsqlException)
        {
            return Results.Problem(title: "The series state is unavailable.", statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: "The database holding the series state does not answer; try again shortly.");
        }

        var heatmap = row?.Heatmaps.FirstOrDefault(h => h.SopInstanceUid == sopInstanceUid && h.Frame == frame);
        // A key outside this series' own folder is never served, whatever the row says.
        var ownFolder = row is null ? "" : $"{StoreLayout.SeriesRoot}/{row.CorrelationId:N}/";
        if (heatmap is null || !heatmap.StoreKey.StartsWith(ownFolder, StringComparison.Ordinal) || !store.Exists(heatmap.StoreKey))
        {
            audit.Record(user, "read-heatmap", row?.CorrelationId, "not found 404");
            return Results.Problem(title: "No such heatmap.", statusCode: StatusCodes.Status404NotFound,
                detail: $"No heatmap of frame {frame} of that instance was made for a {modelType} prediction of this series by {callerOrganization}.");
        }

        audit.Record(user, "read-heatmap", row!.CorrelationId, "answered 200");
        http.Response.Headers.CacheControl = "no-store";
        return Results.Stream(store.OpenRead(heatmap.StoreKey), "image/png");
    }
}
