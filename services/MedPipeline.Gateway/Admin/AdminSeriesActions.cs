using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Gateway.Identity;
using MedPipeline.Gateway.Options;
using MedPipeline.Organizations;
using MedPipeline.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MedPipeline.Gateway.Admin;

/// <summary>
/// POST /api/admin/series/{id}/rerun and /cancel: the gateway checks tenancy and the state in the read model (409 with
/// the reason when it does not allow the action), then publishes <see cref="RerunSeries"/> / <see cref="CancelSeries"/>
/// and answers 202; the saga decides again when the command arrives (the state may have moved on) and audits it.
/// </summary>
public static class AdminSeriesActions
{
    public const int MaxReasonLength = 200;

    public static void MapAdminSeriesActions(this RouteGroupBuilder admin)
    {
        admin.MapPost("/series/{correlationId:guid}/rerun", Rerun).WithName("AdminRerunSeries")
            .WithSummary("A new attempt of a failed or stuck series from the upload it holds (409 when the upload is gone); optional ?reason= note for the audit.");
        admin.MapPost("/series/{correlationId:guid}/cancel", Cancel).WithName("AdminCancelSeries")
            .WithSummary("Stop a running series: it fails with \"cancelled by an operator\" and its callbacks are sent; optional ?reason= note for the audit.");
    }

    private static Task<IResult> Rerun(Guid correlationId, string? reason, HttpContext http, ISeriesStore store, [AsParameters] AdminActionServices services) =>
        ActAsync("admin-rerun", correlationId, reason, http, services, target => SeriesActionRules.RerunRefusal(target, store.Exists),
            (user, at) => new RerunSeries
            {
                CorrelationId = correlationId, RequestedByOrganization = CallerClaims.OrganizationOf(user) ?? "", RequestedByClient = CallerClaims.ClientOf(user),
                Reason = reason, RequestedAt = at,
            });

    private static Task<IResult> Cancel(Guid correlationId, string? reason, HttpContext http, [AsParameters] AdminActionServices services) =>
        ActAsync("admin-cancel", correlationId, reason, http, services, SeriesActionRules.CancelRefusal,
            (user, at) => new CancelSeries
            {
                CorrelationId = correlationId, RequestedByOrganization = CallerClaims.OrganizationOf(user) ?? "", RequestedByClient = CallerClaims.ClientOf(user),
                Reason = reason, RequestedAt = at,
            });

    private static async Task<IResult> ActAsync<T>(string action, Guid correlationId, string? reason, HttpContext http, AdminActionServices services,
        Func<SeriesActionTarget, string?> refusalOf, Func<System.Security.Claims.ClaimsPrincipal, DateTimeOffset, T> command)
        where T : class
    {
        var (user, audit) = (http.User, services.Audit);
        if (!AdminScope.TryResolve(user, null, services.Organizations, services.Admin.Value, out var visible, out var refusal))
        {
            audit.Record(user, action, correlationId, "refused 403: organization");
            return refusal;
        }

        if (reason?.Length > MaxReasonLength)
        {
            audit.Record(user, action, correlationId, "refused 400");
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [$"is longer than {MaxReasonLength} characters"] },
                title: "The request is invalid.");
        }

        SeriesActionTarget? target;
        try
        {
            target = await services.Targets.FindAsync(correlationId, http.RequestAborted);
        }
        catch (NpgsqlException)
        {
            return Results.Problem(title: "The series state is unavailable.", statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: "The database holding the series state does not answer; try again shortly.");
        }

        if (target is null || !AdminScope.Sees(visible, target.Organization))
        {
            audit.Record(user, action, correlationId, "not found 404");
            return Results.Problem(title: "No such series.", statusCode: StatusCodes.Status404NotFound,
                detail: "No series with this correlation id is visible to your organization.");
        }

        if (refusalOf(target) is { } why)
        {
            audit.Record(user, action, correlationId, $"refused 409: {why}");
            return Results.Problem(title: "The series' state does not allow this.", statusCode: StatusCodes.Status409Conflict, detail: why);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(services.Upload.Value.PublishTimeout);
        try
        {
            await services.Publish.Publish(command(user, DateTimeOffset.UtcNow), timeout.Token);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested && e is OperationCanceledException or MassTransitException or IOException)
        {
            audit.Record(user, action, correlationId, "refused 503: not queued");
            return Results.Problem(title: "The request could not be queued.", statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: "The message broker did not take the request in time; nothing was changed. Try again shortly.");
        }

        audit.Record(user, action, correlationId, "accepted 202");
        return Results.Accepted($"/api/admin/series/{correlationId}", new { correlationId, action = action["admin-".Length..], status = "accepted" });
    }
}
