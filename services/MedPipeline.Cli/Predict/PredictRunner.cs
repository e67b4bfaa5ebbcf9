using System.Globalization;
using System.Text.Json;
using MedPipeline.Dicom.Codecs;
using MedPipeline.Models;
using MedPipeline.Models.Manifest;
using MedPipeline.ModelRunner;
using Spectre.Console;

namespace MedPipeline.Cli.Predict;

/// <summary>Runs a model over the input files and prints one row per frame, then the series result when there is more than one.</summary>
internal static class PredictRunner
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(PredictRequest request, CancellationToken cancellationToken)
    {
        ModelRegistry registry;
        try
        {
            registry = ModelRegistry.Load(request.Models.FullName);
        }
        catch (ModelManifestException e)
        {
            await Console.Error.WriteLineAsync($"medpipe: cannot load the models: {e.Message}");
            return 2;
        }

        using (registry)
        {
            if (!registry.TryGet(request.ModelType, out var model))
            {
                await Console.Error.WriteLineAsync($"medpipe: unknown model '{request.ModelType}'; known: {string.Join(", ", registry.ModelTypes.Order(StringComparer.Ordinal))}");
                return 2;
            }

            await using var codecs = new CodecProcessPool(new CodecPoolOptions());
            var predictor = new ImagePredictor(registry, new PredictionOptions(), codecs);
            var rows = new List<PredictRow>();
            var answered = new List<FramePrediction>();
            foreach (var (name, read) in InputFiles.Enumerate(request.Input))
            {
                try
                {
                    var result = await predictor.PredictAsync(read(), name, request.ModelType, model.Manifest.Task!.Value, request.Threshold, withPreview: false, cancellationToken: cancellationToken);
                    answered.AddRange(result.Frames);
                    rows.AddRange(result.Frames.Select(f => new PredictRow(name, f.Frame, f.Classification?.PredictedClass, f.Classification?.Probability,
                        f.Anomaly?.ReconstructionMse, f.Anomaly?.IsAnomaly, Math.Round(result.Timings.TotalMs, 2), null)));
                }
                catch (PredictionException e)
                {
                    rows.Add(new PredictRow(name, null, null, null, null, null, null, $"{e.Error}: {e.Message}"));
                }
            }

            var series = answered.Count > 1 ? Summarize(model.Manifest, answered, request.Threshold) : null;
            if (request.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new { modelType = model.Manifest.ModelType, modelVersion = model.Manifest.Version, rows, series }, Indented));
            }
            else
            {
                Print(model.Manifest, rows, series);
            }

            return rows.Any(r => r.Error is not null) ? 1 : 0;
        }
    }

    private static SeriesSummary Summarize(ModelManifest manifest, List<FramePrediction> frames, double? threshold)
    {
        var ruleName = JsonSerializer.Serialize(manifest.Aggregation!.Rule).Trim('"');
        var series = SeriesAnswer.Aggregate(manifest, [.. frames.Select(f => f.Answer)], threshold);
        return series.Classification is { } outcome
            ? new SeriesSummary(ruleName, frames.Count, outcome.PredictedClass, outcome.Probability, null, null, null)
            : new SeriesSummary(ruleName, frames.Count, null, null, series.Anomaly!.ReconstructionMse, series.Anomaly.IsAnomaly, series.Anomaly.Threshold);
    }

    private static void Print(ModelManifest manifest, List<PredictRow> rows, SeriesSummary? series)
    {
        var classifier = manifest.Task == ModelTask.Classification;
        var table = new Table().Title($"{manifest.Name} ({manifest.ModelType} {manifest.Version})");
        table.AddColumns(classifier ? ["File", "Frame", "Prediction", "Confidence", "ms"] : ["File", "Frame", "Reconstruction MSE", "Anomaly", "ms"]);
        foreach (var row in rows)
        {
            if (row.Error is not null)
            {
                table.AddRow(Markup.Escape(row.File), "", $"[red]{Markup.Escape(row.Error)}[/]", "", "");
                continue;
            }

            table.AddRow(Markup.Escape(row.File), F(row.Frame), classifier ? Markup.Escape(row.Prediction!) : F(row.ReconstructionMse, "F6"),
                classifier ? F(row.Confidence, "P1") : row.IsAnomaly!.Value ? "[red]yes[/]" : "no", F(row.InferenceTimeMs, "F1"));
        }

        AnsiConsole.Write(table);
        if (series is not null)
        {
            AnsiConsole.MarkupLine(classifier
                ? $"Series ({series.Rule} over {series.Frames} frames): [bold]{Markup.Escape(series.Prediction!)}[/] {series.Probability!.Value.ToString("P1", CultureInfo.InvariantCulture)}"
                : $"Series ({series.Rule} over {series.Frames} frames): reconstruction MSE {F(series.ReconstructionMse, "F6")}, anomaly [bold]{(series.IsAnomaly!.Value ? "yes" : "no")}[/] (threshold {F(series.Threshold, "F6")})");
        }
    }

    private static string F(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string F(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "";
}
