using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MedPipeline.SampleBackend;

/// <summary>
/// PUT /api/studies/series/{seriesId}/status (and /{organization}/api/..., one callback base per organization)
/// records a callback (503 during a simulated outage; 401 without the configured bearer token, compared in
/// constant time); GET /received lists what arrived (?after=N&amp;waitSeconds=S: only what came after the first N, waiting for it); POST /outage?seconds=N starts an outage.
/// </summary>
public static class SampleBackendEndpoints
{
    public static void MapSampleBackend(this WebApplication app, string? bearerToken)
    {
        var expected = bearerToken is { Length: > 0 } ? Encoding.UTF8.GetBytes($"Bearer {bearerToken}") : null;
        Delegate receive = async (string seriesId, HttpRequest request, ReceivedCallbacks received, SimulatedOutage outage, TimeProvider time) =>
        {
            if (outage.IsDown)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            if (expected is not null && !CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(request.Headers.Authorization.ToString())))
            {
                return Results.Unauthorized();
            }

            JsonElement body;
            try
            {
                body = await JsonSerializer.DeserializeAsync(request.Body, SampleBackendJson.Default.JsonElement, request.HttpContext.RequestAborted);
            }
            catch (JsonException e)
            {
                return Results.BadRequest(e.Message);
            }

            // A real backend looks up its own record of the request for this series id and refuses a body whose
            // series UID differs; this sample has no records, so it compares with the first callback for the id.
            var uidMatches = received.RemembersUid(seriesId, body.TryGetProperty("seriesInstanceUid", out var uid) ? uid.GetString() : null);
            var key = request.Headers.TryGetValue("Idempotency-Key", out var keys) ? keys.ToString() : null;
            received.Add(new ReceivedCallback(seriesId, request.Path, time.GetUtcNow(), body, uidMatches, key));
            return uidMatches ? Results.NoContent() : Results.Conflict("The series UID differs from the one this series id was registered with.");
        };
        app.MapPut("/api/studies/series/{seriesId}/status", receive);
        app.MapPut("/{organization}/api/studies/series/{seriesId}/status", receive);
        // ?after=N skips the first N callbacks (those a reader has seen); &waitSeconds=S (at most 30) then waits for the next one.
        app.MapGet("/received", async (ReceivedCallbacks received, HttpContext http, int? after, double? waitSeconds) =>
            Results.Ok(waitSeconds is > 0
                ? await received.AfterAsync(after ?? 0, TimeSpan.FromSeconds(Math.Min(waitSeconds.Value, 30)), http.RequestAborted)
                : received.After(after ?? 0)));
        app.MapPost("/outage", (int seconds, SimulatedOutage outage) =>
        {
            outage.For(TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 3600)));
            return Results.NoContent();
        });
    }
}
