using System.Security.Claims;
using MedPipeline.Gateway.Admin.Queues;
using MedPipeline.Gateway.Identity;
using MedPipeline.Organizations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MedPipeline.Gateway.Admin;

/// <summary>
/// The operations API under /api/admin (role admin): series listed by state, organization, model type and age
/// (keyset-paged), and one series' timeline. Read from the orchestrator's status read model only; every call is
/// audited; refusals are problem+json. An admin sees its organization, a global operator every one.
/// </summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this WebApplication app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(GatewayRoles.Admin)
            .WithMetadata(new RateLimited(RateLimitedKind.StatusRead));
        admin.MapGet("/series", ListSeries).WithName("AdminListSeries")
            .WithSummary("Series by state, organization, model type and last change (olderThan/newerThan: ISO 8601 durations), newest change first; limit and cursor page.");
        admin.MapGet("/series/{correlationId:guid}", SeriesTimeline).WithName("AdminSeriesTimeline")
            .WithSummary("One series: every stage with its time, the attempt, what was found, each callback delivery and the failure reason.");
        admin.MapAdminSeriesActions();
        admin.MapAdminStats();
        admin.MapAdminQueueEndpoints();
    }

    private static async Task<IResult> ListSeries(HttpContext http, string? organization, AdminSeriesReader reader, OrganizationDirectory organizations,
        IOptions<AdminOptions> options, AuditLog audit)
    {
        if (!AdminScope.TryResolve(http.User, organization, organizations, options.Value, out var visible, out var refusal))
        {
            audit.Record(http.User, "admin-list-series", null, "refused 403: organization");
            return refusal;
        }

        var errors = new Dictionary<string, string[]>();
        var query = AdminSeriesQueryParser.Parse(http.Request.Query, visible, options.Value, DateTimeOffset.UtcNow, errors);
        if (errors.Count > 0)
        {
            audit.Record(http.User, "admin-list-series", null, "refused 400");
            return Results.ValidationProblem(errors, title: "The request is invalid.");
        }

        try
        {
            var (items, next) = await reader.ListAsync(query, http.RequestAborted);
            audit.Record(http.User, "admin-list-series", null, $"answered 200 with {items.Count} series");
            return Results.Ok(new { items = items.Select(AdminSeriesResponse.Item), nextCursor = next?.Encode() });
        }
        catch (NpgsqlException)
        {
            return StateUnavailable();
        }
    }

    private static async Task<IResult> SeriesTimeline(Guid correlationId, ClaimsPrincipal user, AdminSeriesReader reader, OrganizationDirectory organizations,
        IOptions<AdminOptions> options, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!AdminScope.TryResolve(user, null, organizations, options.Value, out var visible, out var refusal))
        {
            audit.Record(user, "admin-series-timeline", correlationId, "refused 403: organization");
            return refusal;
        }

        try
        {
            var row = await reader.FindAsync(correlationId, cancellationToken);
            // Another organization's series is answered as absent, as the status endpoint does.
            var found = row is not null && AdminScope.Sees(visible, row.Organization);
            audit.Record(user, "admin-series-timeline", correlationId, found ? "answered 200" : "not found 404");
            return found
                ? Results.Ok(AdminSeriesResponse.Timeline(row!))
                : Results.Problem(title: "No such series.", statusCode: StatusCodes.Status404NotFound,
                    detail: "No series with this correlation id is visible to your organization.");
        }
        catch (NpgsqlException)
        {
            return StateUnavailable();
        }
    }

    private static IResult StateUnavailable() =>
        Results.Problem(title: "The series state is unavailable.", statusCode: StatusCodes.Status503ServiceUnavailable,
            detail: "The database holding the series state does not answer; try again shortly.");
}
