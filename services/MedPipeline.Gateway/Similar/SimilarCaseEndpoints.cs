using System.Globalization;
using System.Security.Claims;
using MedPipeline.Gateway.Identity;
using MedPipeline.Gateway.Series;
using MedPipeline.Gateway.Uploads;
using MedPipeline.Organizations;
using Npgsql;

namespace MedPipeline.Gateway.Similar;

/// <summary>
/// GET /api/studies/series/{uid}/similar: the k nearest earlier series of the caller's organization and the same model,
/// by the embeddings of their results, with distance and outcome. Another organization's series is 404, as for status.
/// </summary>
public static class SimilarCaseEndpoints
{
    public const int DefaultK = 5;
    public const int MaxK = 50;

    public static void MapSimilarCaseEndpoints(this WebApplication app) =>
        app.MapGet("/api/studies/series/{seriesInstanceUid}/similar", Similar)
            .RequireAuthorization(GatewayRoles.Read)
            .WithMetadata(new RateLimited(RateLimitedKind.StatusRead))
            .WithName("SimilarSeries")
            .WithSummary("The k nearest earlier series of the same organization and model (by the model's embedding), with distance and outcome.");

    private static async Task<IResult> Similar(string seriesInstanceUid, string? organization, string? modelType, string? studyInstanceUid, string? k,
        ClaimsPrincipal user, SeriesStatusReader statuses, SimilarCaseReader embeddings, SimilarCaseIndex index, OrganizationDirectory organizations,
        IModelCatalog models, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!OrganizationScope.TryResolve(user, organization, organizations, out var callerOrganization, out var refusal))
        {
            audit.Record(user, "read-similar", null, "refused 403: organization");
            return refusal;
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(modelType) || !models.ModelTypes.Contains(modelType))
        {
            errors["modelType"] = [string.IsNullOrWhiteSpace(modelType) ? "is required" : $"is not a known model type; known: {string.Join(", ", models.ModelTypes.Order(StringComparer.Ordinal))}"];
        }

        var count = DefaultK;
        if (k is not null && (!int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxK))
        {
            errors["k"] = [$"must be a whole number from 1 to {MaxK} (default {DefaultK})"];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The request is invalid.");
        }

        try
        {
            var row = await statuses.FindAsync(callerOrganization!, seriesInstanceUid, modelType!, string.IsNullOrWhiteSpace(studyInstanceUid) ? null : studyInstanceUid,
                cancellationToken);
            if (row is null)
            {
                audit.Record(user, "read-similar", null, "not found 404");
                return Results.Problem(title: "No such series request.", statusCode: StatusCodes.Status404NotFound,
                    detail: $"No prediction of {modelType} was requested for this series by {callerOrganization}.");
            }

            var query = await embeddings.EmbeddingOfAsync(row.CorrelationId, cancellationToken);
            if (query is not { IsSearchable: true })
            {
                audit.Record(user, "read-similar", row.CorrelationId, "refused 409: no embedding");
                return Results.Problem(title: "The series has nothing to compare yet.", statusCode: StatusCodes.Status409Conflict,
                    detail: row.Status == "completed"
                        ? $"Model {modelType} gave this series no embedding (its manifest names no embedding output)."
                        : "Similar series are found from a completed result; this series has none yet.");
            }

            var similar = await index.NearestAsync(row.Organization, row.ModelType, query, count, cancellationToken);
            audit.Record(user, "read-similar", row.CorrelationId, $"answered 200 ({similar.Count})");
            return Results.Ok(SimilarCaseResponse.From(row, count, similar));
        }
        catch (NpgsqlException)
        {
            return Results.Problem(title: "The series state is unavailable.", statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: "The database holding the series state does not answer; try again shortly.");
        }
    }
}
