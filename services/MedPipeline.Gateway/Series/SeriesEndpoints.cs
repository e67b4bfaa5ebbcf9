using MassTransit;
using MedPipeline.Contracts;
using System.Security.Claims;
using MedPipeline.Gateway.Identity;
using MedPipeline.Gateway.Options;
using MedPipeline.Gateway.Uploads;
using MedPipeline.Organizations;
using MedPipeline.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MedPipeline.Gateway.Series;

/// <summary>
/// POST /api/studies/series/predict streams the ZIP into the store and publishes <see cref="PredictSeries"/>
/// (202 with a status URL; 200 with the stored outcome when it can be reused); GET …/status answers
/// from the orchestrator's state. Every refusal is a problem+json naming the field.
/// </summary>
public static partial class SeriesEndpoints
{
    public static void MapSeriesEndpoints(this WebApplication app)
    {
        app.MapPost("/api/studies/series/predict", Predict)
            .RequireAuthorization(GatewayRoles.Submit)
            .WithMetadata(new RateLimited(RateLimitedKind.SeriesSubmit))
            .DisableAntiforgery()
            .WithName("PredictSeries")
            .WithSummary("Ask for a prediction on one DICOM series (multipart: file = ZIP of .dcm, seriesId, organization, studyInstanceUid, seriesInstanceUid, modelType, predictAgain).");

        app.MapGet("/api/studies/series/{seriesInstanceUid}/status", Status)
            .RequireAuthorization(GatewayRoles.Read)
            .WithMetadata(new RateLimited(RateLimitedKind.StatusRead))
            .WithName("SeriesStatus")
            .WithSummary("The current state of a series request, the time of each stage, and the result when there is one.");

        app.MapSeriesHeatmapEndpoint();
    }

    private static async Task<IResult> Predict(HttpContext http, SeriesUploadReader reader, SeriesStatusReader statuses, IPublishEndpoint publish,
        IOptions<UploadOptions> options, ISeriesStore store, OrganizationDirectory organizations, AuditLog audit, ILogger<SeriesUploadReader> logger)
    {
        // The archive is streamed to the store with its own limit; the server-wide body limit must not cut it first.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = options.Value.MaxArchiveBytes + (1024 * 1024);
        }

        // The identity names the organization before the body is read, so the upload goes straight under its prefix.
        if (!OrganizationScope.TryResolve(http.User, null, organizations, out var callerOrganization, out var unconfigured))
        {
            audit.Record(http.User, "submit", null, "refused 403: organization");
            return unconfigured;
        }

        var requestId = NewId.NextGuid();
        SeriesUploadForm form;
        try
        {
            form = await reader.ReadAsync(http.Request, callerOrganization, requestId, http.RequestAborted);
        }
        catch (UploadRejection rejection)
        {
            audit.Record(http.User, "submit", null, $"refused {rejection.StatusCode}");
            return rejection.ToResult(http);
        }

        if (!OrganizationScope.TryResolve(http.User, form.Organization, organizations, out var organization, out var refusal))
        {
            store.DeletePrefix(form.ArchiveKey);
            audit.Record(http.User, "submit", null, "refused 403: organization");
            return refusal;
        }

        form = form with { Organization = organization };

        var correlationId = SeriesCorrelation.For(form.Organization, form.StudyInstanceUid, form.SeriesInstanceUid, form.ModelType);
        SeriesStatusRow? existing;
        try
        {
            existing = await statuses.FindAsync(correlationId, http.RequestAborted);
        }
        catch (NpgsqlException e)
        {
            // The request does not need the state store: the saga decides when it gets the command.
            LogStateStoreUnavailable(logger, correlationId, e.Message);
            existing = null;
        }

        using var publishTimeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        publishTimeout.CancelAfter(options.Value.PublishTimeout);
        var command = new PredictSeries
        {
            CorrelationId = correlationId,
            RequestId = requestId,
            SeriesId = form.SeriesId,
            Organization = form.Organization,
            StudyInstanceUid = form.StudyInstanceUid,
            SeriesInstanceUid = form.SeriesInstanceUid,
            ModelType = form.ModelType,
            PredictAgain = form.PredictAgain,
            ArchiveKey = form.ArchiveKey,
            SubmittedAt = DateTimeOffset.UtcNow,
        };
        try
        {
            await publish.Publish(command, publishTimeout.Token);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested && e is OperationCanceledException or MassTransitException or IOException)
        {
            // Not queued: say so, and keep nothing, so the backend's retry is the only copy.
            store.DeletePrefix(form.ArchiveKey);
            LogNotQueued(logger, requestId, correlationId, e.Message);
            audit.Record(http.User, "submit", correlationId, "refused 503: not queued");
            return Results.Problem(title: "The request could not be queued.", statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: "The message broker did not take the request in time; nothing was kept. Send it again shortly.");
        }
        LogAccepted(logger, requestId, correlationId, form.ModelType, form.ArchiveBytes);

        var statusUrl = SeriesStatusResponse.UrlFor(form.Organization, form.StudyInstanceUid, form.SeriesInstanceUid, form.ModelType);
        if (!form.PredictAgain && existing is { HasReusableOutcome: true })
        {
            // Nothing is redone: the stored outcome is the answer, and the saga sends it to the callback again.
            audit.Record(http.User, form.PredictAgain ? "submit-again" : "submit", correlationId, "answered 200 from the stored outcome");
            return Results.Ok(new { requestId, reused = true, series = SeriesStatusResponse.From(existing, statusUrl) });
        }

        audit.Record(http.User, form.PredictAgain ? "submit-again" : "submit", correlationId, "accepted 202");
        return Results.Accepted(statusUrl, new { requestId, correlationId, status = "accepted", statusUrl });
    }

    private static async Task<IResult> Status(string seriesInstanceUid, string? organization, string? modelType, string? studyInstanceUid,
        ClaimsPrincipal user, SeriesStatusReader statuses, OrganizationDirectory organizations, IModelCatalog models, AuditLog audit,
        CancellationToken cancellationToken)
    {
        if (!OrganizationScope.TryResolve(user, organization, organizations, out var callerOrganization, out var refusal))
        {
            audit.Record(user, "read-status", null, "refused 403: organization");
            return refusal;
        }

        organization = callerOrganization;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(modelType) || !models.ModelTypes.Contains(modelType))
        {
            errors["modelType"] = [string.IsNullOrWhiteSpace(modelType) ? "is required" : $"is not a known model type; known: {string.Join(", ", models.ModelTypes.Order(StringComparer.Ordinal))}"];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The request is invalid.");
        }

        SeriesStatusRow? row;
        try
        {
            row = await statuses.FindAsync(organization!, seriesInstanceUid, modelType!, string.IsNullOrWhiteSpace(studyInstanceUid) ? null : studyInstanceUid, cancellationToken);
        }
        catch (NpgsqlException)
        {
            return Results.Problem(title: "The series state is unavailable.", statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: "The database holding the series state does not answer; try again shortly. Accepted requests are not lost.");
        }

        audit.Record(user, "read-status", row?.CorrelationId, row is null ? "not found 404" : "answered 200");
        return row is null
            ? Results.Problem(title: "No such series request.", statusCode: StatusCodes.Status404NotFound,
                detail: $"No prediction of {modelType} was requested for this series by {organization}.")
            : Results.Ok(SeriesStatusResponse.From(row, SeriesStatusResponse.UrlFor(row.Organization, row.StudyInstanceUid, row.SeriesInstanceUid, row.ModelType)));
    }

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Series request {RequestId} for series {CorrelationId} not queued: {Error}")]
    private static partial void LogNotQueued(ILogger logger, Guid requestId, Guid correlationId, string error);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Series state store unavailable while accepting series {CorrelationId}: {Error}")]
    private static partial void LogStateStoreUnavailable(ILogger logger, Guid correlationId, string error);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Series request {RequestId} accepted for series {CorrelationId}: model {ModelType}, archive {ArchiveBytes} bytes")]
    private static partial void LogAccepted(ILogger logger, Guid requestId, Guid correlationId, string modelType, long archiveBytes);
}
