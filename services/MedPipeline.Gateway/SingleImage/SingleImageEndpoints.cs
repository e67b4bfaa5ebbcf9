using MedPipeline.Models;
using System.Globalization;
using MedPipeline.Models.Manifest;
using MedPipeline.ModelRunner;

namespace MedPipeline.Gateway.SingleImage;

/// <summary>
/// POST /inference (classifiers) and POST /predict (anomaly models): one image answered now, without
/// the broker. GET /api/models lists what can be asked for. Bad input is a problem+json 400/413/415.
/// </summary>
public static class SingleImageEndpoints
{
    public static void MapSingleImageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/models", (ModelRegistry registry) => registry.Models
            .OrderBy(m => m.Manifest.ModelType, StringComparer.Ordinal)
            .Select(m => new
            {
                modelType = m.Manifest.ModelType,
                name = m.Manifest.Name,
                version = m.Manifest.Version,
                task = m.Manifest.Task!.Value.ToString().ToLowerInvariant(),
                labels = m.Manifest.Labels,
                threshold = m.Manifest.Threshold,
                input = new { width = m.Manifest.Preprocessing!.TargetWidth, height = m.Manifest.Preprocessing.TargetHeight },
            }))
            .WithName("ListModels");

        app.MapPost("/inference", async (HttpRequest request, ImagePredictor predictor, bool? preview, string? heatmap, CancellationToken cancellationToken) =>
            await Answer(async () =>
            {
                var withHeatmap = ParseFlag("heatmap", heatmap);
                var (bytes, name, modelType) = await UploadedImage.ReadAsync(request, cancellationToken);
                var result = await predictor.PredictAsync(bytes, name, modelType ?? throw Missing("modelType"), ModelTask.Classification,
                    null, preview ?? false, withHeatmap, cancellationToken);
                return Results.Ok(ResponseMapping.Classification(result));
            }))
            .DisableAntiforgery()
            .WithName("ClassifyImage");

        app.MapPost("/predict", async (HttpRequest request, ImagePredictor predictor, ModelRegistry registry,
            string? threshold, string? modelType, bool? preview, string? heatmap, CancellationToken cancellationToken) =>
            await Answer(async () =>
            {
                var limit = ParseThreshold(threshold);
                var withHeatmap = ParseFlag("heatmap", heatmap);
                var (bytes, name, formModelType) = await UploadedImage.ReadAsync(request, cancellationToken);
                var model = modelType ?? formModelType ?? DefaultAnomalyModel(registry);
                var result = await predictor.PredictAsync(bytes, name, model, ModelTask.Anomaly, limit, preview ?? false, withHeatmap, cancellationToken);
                return Results.Ok(ResponseMapping.Anomaly(result));
            }))
            .DisableAntiforgery()
            .WithName("DetectAnomaly");
    }

    private static async Task<IResult> Answer(Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (PredictionException e)
        {
            return Results.Problem(title: Title(e.Error), detail: e.Message, statusCode: StatusOf(e.Error), type: $"urn:medpipeline:problem:{e.Error}");
        }
        catch (BadHttpRequestException e)
        {
            return Results.Problem(title: "The request is invalid.", detail: e.Message, statusCode: e.StatusCode);
        }
    }

    private static double? ParseThreshold(string? threshold) =>
        threshold is null ? null
        : double.TryParse(threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value > 0 ? value
        : throw new PredictionException(PredictionError.InvalidThreshold, $"threshold must be a positive number, not '{threshold}'");

    /// <summary>A true/false query parameter; anything else names the parameter in a 400 rather than being read as false.</summary>
    private static bool ParseFlag(string name, string? value) =>
        value is not null && (bool.TryParse(value, out var flag)
            ? flag
            : throw new BadHttpRequestException($"the '{name}' parameter must be true or false, not '{value}'"));

    private static string DefaultAnomalyModel(ModelRegistry registry) =>
        registry.Models.Where(m => m.Manifest.Task == ModelTask.Anomaly).Select(m => m.Manifest.ModelType).Order(StringComparer.Ordinal).FirstOrDefault()
        ?? throw new PredictionException(PredictionError.UnknownModel, "no anomaly model is installed");

    private static BadHttpRequestException Missing(string field) => new($"the '{field}' field is required");

    private static int StatusOf(PredictionError error) => error switch
    {
        PredictionError.NotAnImage or PredictionError.UnsupportedFormat => StatusCodes.Status415UnsupportedMediaType,
        PredictionError.TooLarge or PredictionError.OverDecodeBudget => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string Title(PredictionError error) => error switch
    {
        PredictionError.UnknownModel => "Unknown model.",
        PredictionError.WrongTask => "This model does not answer this endpoint.",
        PredictionError.InvalidThreshold => "Invalid threshold.",
        PredictionError.HeatmapUnavailable => "This model cannot draw a heatmap.",
        PredictionError.NotAnImage => "Not an image.",
        PredictionError.UnsupportedFormat => "Unsupported image encoding.",
        PredictionError.NoPixelData => "The file has no pixel data.",
        PredictionError.TooLarge => "The image is too large.",
        PredictionError.OverDecodeBudget => "The image would decode past Gateway:SingleImage:MaxDecodedBytes.",
        _ => "The image could not be read.",
    };
}
