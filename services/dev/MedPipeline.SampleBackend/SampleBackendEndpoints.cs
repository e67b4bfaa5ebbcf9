using System.Text.Json;

namespace MedPipeline.SampleBackend;

/// <summary>
/// PUT /api/studies/series/{seriesId}/status records a callback (503 during a simulated outage;
/// 401 without the configured bearer token, when one is set); GET /received lists what arrived;
/// POST /outage?seconds=N starts an outage.
/// </summary>
public static class SampleBackendEndpoints
{
    public static void MapSampleBackend(this WebApplication app, string? bearerToken)
    {
        app.MapPut("/api/studies/series/{seriesId}/status", async (string seriesId, HttpRequest request,
            ReceivedCallbacks received, SimulatedOutage outage, TimeProvider time) =>
        {
            if (outage.IsDown)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            if (bearerToken is { Length: > 0 } && request.Headers.Authorization != $"Bearer {bearerToken}")
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

            received.Add(new ReceivedCallback(seriesId, time.GetUtcNow(), body));
            return Results.NoContent();
        });
        app.MapGet("/received", (ReceivedCallbacks received) => Results.Ok(received.All));
        app.MapPost("/outage", (int seconds, SimulatedOutage outage) =>
        {
            outage.For(TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 3600)));
            return Results.NoContent();
        });
    }
}
