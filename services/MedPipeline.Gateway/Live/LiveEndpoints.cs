using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using MedPipeline.Gateway.Identity;
using MedPipeline.Organizations;
using Npgsql;

namespace MedPipeline.Gateway.Live;

/// <summary>
/// Live progress of one series of the caller's organization: WebSocket /ws/series/{correlationId} and, where a
/// WebSocket cannot go, Server-Sent Events at GET /api/series/{correlationId}/events. Both send the current state
/// first and close after the result or error. Another organization's series is answered exactly as an unknown one.
/// </summary>
public static class LiveEndpoints
{
    private static readonly byte[] KeepAlive = Encoding.UTF8.GetBytes(": keep-alive\n\n");

    public static void MapLiveEndpoints(this WebApplication app)
    {
        app.MapGet("/api/series/{correlationId:guid}/events", ServerSentEvents)
            .RequireAuthorization(GatewayRoles.Read)
            .WithMetadata(new RateLimited(RateLimitedKind.StatusRead))
            .WithName("SeriesEvents")
            .WithSummary("Live progress of a series as Server-Sent Events (progress, then result or error).");

        app.Map("/ws/series/{correlationId:guid}", WebSocketEvents)
            .RequireAuthorization(GatewayRoles.Read)
            .WithMetadata(new RateLimited(RateLimitedKind.StatusRead))
            .WithName("SeriesWebSocket")
            .WithSummary("Live progress of a series over a WebSocket (subprotocol medpipe.live; credentials as in WebSocketCredentials).");
    }

    private static async Task<IResult> ServerSentEvents(Guid correlationId, HttpContext http, ClaimsPrincipal user, SeriesLiveStream live,
        OrganizationDirectory organizations, AuditLog audit)
    {
        var (session, refusal) = await OpenAsync(correlationId, user, live, organizations, audit, http.RequestAborted);
        if (session is null)
        {
            return refusal!;
        }

        using (session)
        {
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache, no-store";
            // Reverse proxies (nginx) would otherwise hold the events back until the buffer fills.
            http.Response.Headers["X-Accel-Buffering"] = "no";
            try
            {
                await foreach (var e in live.EventsAsync(session, http.RequestAborted))
                {
                    var frame = e is null ? KeepAlive : Encoding.UTF8.GetBytes($"event: {e.Type}\ndata: {e.ToJson()}\n\n");
                    await http.Response.Body.WriteAsync(frame, http.RequestAborted);
                    await http.Response.Body.FlushAsync(http.RequestAborted);
                }
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                // The watcher went away: nothing to answer.
            }
        }

        return Results.Empty;
    }

    private static async Task<IResult> WebSocketEvents(Guid correlationId, HttpContext http, ClaimsPrincipal user, SeriesLiveStream live,
        OrganizationDirectory organizations, AuditLog audit)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return Results.Problem(title: "A WebSocket request is expected.", statusCode: StatusCodes.Status400BadRequest,
                detail: $"Open it as a WebSocket (subprotocol {WebSocketCredentials.SubProtocol}), or read GET /api/series/{correlationId}/events as Server-Sent Events.");
        }

        var (session, refusal) = await OpenAsync(correlationId, user, live, organizations, audit, http.RequestAborted);
        if (session is null && refusal is not null and not NotFoundSeries)
        {
            return refusal;
        }

        var protocol = http.WebSockets.WebSocketRequestedProtocols.Contains(WebSocketCredentials.SubProtocol) ? WebSocketCredentials.SubProtocol : null;
        using var socket = await http.WebSockets.AcceptWebSocketAsync(protocol);
        if (session is null)
        {
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "no such series", http.RequestAborted);
            return Results.Empty;
        }

        using (session)
        {
            await LiveWebSocket.SendAsync(socket, live.EventsAsync(session, http.RequestAborted), http.RequestAborted);
        }

        return Results.Empty;
    }

    private static async Task<(SeriesLiveSession? Session, IResult? Refusal)> OpenAsync(Guid correlationId, ClaimsPrincipal user, SeriesLiveStream live,
        OrganizationDirectory organizations, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!OrganizationScope.TryResolve(user, null, organizations, out var organization, out var refusal))
        {
            audit.Record(user, "watch", null, "refused 403: organization");
            return (null, refusal);
        }

        try
        {
            var session = await live.OpenAsync(correlationId, organization, cancellationToken);
            audit.Record(user, "watch", session is null ? null : correlationId, session is null ? "not found 404" : "watching");
            return session is null ? (null, NotFoundSeries.Instance) : (session, null);
        }
        catch (NpgsqlException)
        {
            return (null, Results.Problem(title: "The series state is unavailable.", statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: "The database holding the series state does not answer; try again shortly."));
        }
    }
}
