using MedPipeline.Gateway.Identity;
using MedPipeline.Gateway.Uploads;
using MedPipeline.Organizations;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace MedPipeline.Gateway.DicomWeb;

/// <summary>
/// STOW-RS (PS3.18 §10.5): POST /dicomweb/studies[/{study}] stores instances into pending series, answered with the
/// Store Instances Response in DICOM JSON; POST /dicomweb/series/{series}/commit closes a series at once instead of
/// after its quiet period. Callers authenticate as for every submission (role submit), act for their own organization and
/// spend the series-submission budgets (a STOW-RS request counts as one upload).
/// </summary>
public static class DicomWebEndpoints
{
    public static void MapDicomWebEndpoints(this WebApplication app)
    {
        app.MapPost("/dicomweb/studies", (HttpContext http, StowRequestReader reader, OrganizationDirectory organizations,
                IOptions<DicomWebOptions> options, AuditLog audit) => StoreAsync(http, null, reader, organizations, options, audit))
            .RequireAuthorization(GatewayRoles.Submit).WithMetadata(new RateLimited(RateLimitedKind.SeriesSubmit)).DisableAntiforgery().WithName("StowStudies")
            .WithSummary("STOW-RS: store DICOM instances (multipart/related; type=\"application/dicom\").");
        app.MapPost("/dicomweb/studies/{study}", (string study, HttpContext http, StowRequestReader reader, OrganizationDirectory organizations,
                IOptions<DicomWebOptions> options, AuditLog audit) => StoreAsync(http, study, reader, organizations, options, audit))
            .RequireAuthorization(GatewayRoles.Submit).WithMetadata(new RateLimited(RateLimitedKind.SeriesSubmit)).DisableAntiforgery().WithName("StowStudy")
            .WithSummary("STOW-RS: store DICOM instances of one study; instances of another study fail with 0xC122.");
        app.MapPost("/dicomweb/series/{series}/commit", CommitAsync)
            .RequireAuthorization(GatewayRoles.Submit).DisableAntiforgery().WithName("StowCommitSeries")
            .WithSummary("Close a pending DICOMweb series now and submit it for prediction.");
    }

    private static async Task<IResult> StoreAsync(HttpContext http, string? study, StowRequestReader reader, OrganizationDirectory organizations,
        IOptions<DicomWebOptions> options, AuditLog audit)
    {
        if (!OrganizationScope.TryResolve(http.User, null, organizations, out var organization, out var refusal))
        {
            audit.Record(http.User, "stow", null, "refused 403: organization");
            return refusal;
        }

        if (study is not null && SeriesRequestFields.Uid(study) is { } badStudy)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["study"] = [badStudy] });
        }

        if (StowRequestReader.BoundaryOf(http.Request.ContentType) is not { } boundary)
        {
            return Results.Problem(title: "The request must be multipart/related; type=\"application/dicom\" with a boundary.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        // Parts are streamed to the store with their own limits; the server-wide body limit must not cut a study first.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = options.Value.MaxRequestBytes;
        }

        IReadOnlyList<StowOutcome> outcomes;
        try
        {
            outcomes = await reader.ReadAsync(http.Request.Body, boundary, organization, study, http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            audit.Record(http.User, "stow", null, "refused 400: body");
            return Results.Problem(title: "The multipart body could not be read.", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        if (outcomes.Count == 0)
        {
            return Results.Problem(title: "The request holds no part.", statusCode: StatusCodes.Status400BadRequest);
        }

        var status = StowResponse.StatusOf(outcomes);
        audit.Record(http.User, "stow", null, $"answered {status}: {outcomes.Count(o => o.Stored)} stored, {outcomes.Count(o => !o.Stored)} failed");
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/dicomweb";
        return Results.Text(StowResponse.Build(outcomes, baseUrl, study).ToJsonString(), StowResponse.MediaType, statusCode: status);
    }

    private static async Task<IResult> CommitAsync(string series, HttpContext http, PendingSeriesStore pending, DicomWebSeriesCloser closer,
        OrganizationDirectory organizations, AuditLog audit)
    {
        if (!OrganizationScope.TryResolve(http.User, null, organizations, out var organization, out var refusal))
        {
            audit.Record(http.User, "stow-commit", null, "refused 403: organization");
            return refusal;
        }

        if (SeriesRequestFields.Uid(series) is { } badSeries)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["series"] = [badSeries] });
        }

        await pending.Lock.WaitAsync(http.RequestAborted);
        try
        {
            if (await pending.FindAsync(organization, series, http.RequestAborted) is not { } found)
            {
                return Results.Problem(title: "No such pending series.", statusCode: StatusCodes.Status404NotFound,
                    detail: "No instance of this series waits here for your organization (it may already have been closed).");
            }

            // Recorded first: if the broker is away, the sweep closes it as soon as it is back, without waiting for quiet.
            await pending.SaveAsync(found with { CommitRequested = true }, http.RequestAborted);
            var correlationId = await closer.CloseAsync(found, http.RequestAborted);
            audit.Record(http.User, "stow-commit", correlationId, correlationId is null ? "closed: no route (not_supported)" : "closed: submitted");
            return Results.Accepted(value: new { series, correlationId, status = correlationId is null ? "not_supported" : "submitted" });
        }
        finally
        {
            pending.Lock.Release();
        }
    }
}
