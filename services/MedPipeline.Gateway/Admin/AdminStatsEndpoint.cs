using System.Security.Claims;
using MedPipeline.Gateway.Identity;
using MedPipeline.Organizations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MedPipeline.Gateway.Admin;

/// <summary>GET /api/admin/stats[?organization=]: the operations statistics of the organizations the admin sees.</summary>
public static class AdminStatsEndpoint
{
    public static void MapAdminStats(this RouteGroupBuilder admin) =>
        admin.MapGet("/stats", StatsAsync).WithName("AdminStats")
            .WithSummary("Series per organization and state changed in the last hour and day, failed callbacks per organization, stage latency p50/p95 over the last day.");

    private static async Task<IResult> StatsAsync(string? organization, ClaimsPrincipal user, AdminStatsReader reader, OrganizationDirectory organizations,
        IOptions<AdminOptions> options, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!AdminScope.TryResolve(user, organization, organizations, options.Value, out var visible, out var refusal))
        {
            audit.Record(user, "admin-stats", null, "refused 403: organization");
            return refusal;
        }

        try
        {
            var stats = await reader.ReadAsync(visible, cancellationToken);
            audit.Record(user, "admin-stats", null, "answered 200");
            return Results.Ok(stats);
        }
        catch (NpgsqlException)
        {
            return Results.Problem(title: "The series state is unavailable.", statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: "The database holding the series state does not answer; try again shortly.");
        }
    }
}
