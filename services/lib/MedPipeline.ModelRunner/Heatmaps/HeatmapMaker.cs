using MedPipeline.Imaging;
using MedPipeline.Models;
using MedPipeline.Models.Manifest;
using MedPipeline.ModelInput;

namespace MedPipeline.ModelRunner.Heatmaps;

/// <summary>
/// Where the model looked, for one input row, painted over its source image: an anomaly model's per-pixel squared
/// reconstruction error, or a classifier's occlusion sensitivity (all occluded copies and the row itself in one batch).
/// Runs through the shared <see cref="BatchInference"/> core, so heatmaps wait their turn like any run.
/// </summary>
public sealed class HeatmapMaker(BatchInference inference)
{
    /// <summary>Refuses, before any work, a model whose outputs cannot make a heatmap.</summary>
    public static void EnsureAvailable(ModelManifest manifest)
    {
        if (manifest.Task == ModelTask.Anomaly && !manifest.Outputs.ContainsKey("reconstruction"))
        {
            throw new PredictionException(PredictionError.HeatmapUnavailable,
                $"'{manifest.ModelType}' outputs only its reconstruction MSE, not the reconstructed image a heatmap is drawn from; ask without heatmap=true");
        }
    }

    /// <summary>
    /// The heatmap of <paramref name="row"/> (one C×H×W model input) over <paramref name="source"/>; a classifier's map
    /// follows <paramref name="label"/>'s probability (the predicted class, or the positive one for a series).
    /// </summary>
    public async Task<Heatmap> MakeAsync(LoadedModel model, ReadOnlyMemory<float> row, string? label, DisplayImage source,
        CancellationToken cancellationToken)
    {
        var map = await MapAsync(model, row, label, cancellationToken);
        var shape = model.Manifest.Input!.Shape;
        return Render(map, (int)shape[3], (int)shape[2], source);
    }

    /// <summary>The raw map at the model's input size (H×W, row order), before scaling and colour.</summary>
    public async Task<float[]> MapAsync(LoadedModel model, ReadOnlyMemory<float> row, string? label, CancellationToken cancellationToken)
    {
        var manifest = model.Manifest;
        EnsureAvailable(manifest);
        var shape = manifest.Input!.Shape;
        var (channels, height, width) = ((int)shape[1], (int)shape[2], (int)shape[3]);
        return manifest.Task == ModelTask.Anomaly
            ? await ErrorMapAsync(model, row, channels, width * height, cancellationToken)
            : await OcclusionMapAsync(model, row, channels, OcclusionGrid.For(width, height), label, cancellationToken);
    }

    /// <summary>A model-sized map scaled to [0, 1], resized to the source and colour-mapped over it, as a PNG.</summary>
    public static Heatmap Render(float[] map, int width, int height, DisplayImage source)
    {
        HeatmapColors.NormalizeByMax(map);
        var heat = new float[source.Width * source.Height];
        PlaneResize.Bilinear(map, width, height, source.Width, source.Height, heat);
        return new Heatmap(source.Width, source.Height, RgbPng.Encode(HeatmapColors.Overlay(source, heat), source.Width, source.Height));
    }

    private async Task<float[]> ErrorMapAsync(LoadedModel model, ReadOnlyMemory<float> row, int channels, int pixels, CancellationToken cancellationToken)
    {
        var input = row.ToArray();
        var reconstruction = await inference.RunOutputAsync(model, input, 1, "reconstruction", cancellationToken);
        return ReconstructionErrorMap.Compute(input, reconstruction, channels, pixels);
    }

    private async Task<float[]> OcclusionMapAsync(LoadedModel model, ReadOnlyMemory<float> row, int channels, OcclusionGrid grid, string? label,
        CancellationToken cancellationToken)
    {
        var labels = model.Manifest.Labels!;
        var copies = OcclusionSensitivity.Copies(row.Span, channels, grid);
        // The untouched row goes first in the same batch: its probability is the baseline, from the very same run.
        var batch = new float[row.Length + copies.Length];
        row.Span.CopyTo(batch);
        copies.CopyTo(batch.AsSpan(row.Length));
        var rows = batch.Length / row.Length;
        var answers = await inference.RunAsync(model, batch, rows, threshold: null, cancellationToken);
        var index = label is null ? -1 : labels.ToList().IndexOf(label);
        if (index < 0)
        {
            index = Array.IndexOf(labels.ToArray(), answers[0].Classification!.PredictedClass);
        }

        var occluded = answers.Skip(1).Select(a => a.Probabilities![index]).ToArray();
        return OcclusionSensitivity.Map(answers[0].Probabilities![index], occluded, grid);
    }
}
