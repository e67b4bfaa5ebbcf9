using System.Text.Json;
using MedPipeline.Contracts;
using MedPipeline.Models.Manifest;
using MedPipeline.ModelRunner;
using MedPipeline.Storage;

namespace MedPipeline.Inference.Series;

/// <summary>Every row's answer and their aggregate as the contract's <see cref="SeriesPrediction"/>, with provenance and timings.</summary>
public static class SeriesPredictionMapping
{
    public static SeriesPrediction ToPrediction(ModelManifest manifest, TensorIndex index, IReadOnlyList<InstanceAnswer> answers, TimeSpan inference)
    {
        var series = SeriesAnswer.Aggregate(manifest, answers);
        var prediction = new SeriesPrediction
        {
            Model = new ModelInfo { ModelType = manifest.ModelType, Name = manifest.Name, Version = manifest.Version, Sha256 = manifest.Sha256 },
            Task = manifest.Task == ModelTask.Classification ? "classification" : "anomaly",
            InstanceCount = index.Rows.Select(r => r.SopInstanceUid).Distinct().Count(),
            Instances = [.. index.Rows.Zip(answers, Instance)],
            Preprocessing = PreprocessingOf(index),
            TimingsMs = Timings(index, inference),
        };
        return series.Classification is { } classification
            ? prediction with
            {
                PredictedClass = classification.PredictedClass,
                Probability = classification.Probability,
                ClassProbabilities = classification.ClassProbabilities,
            }
            : prediction with { ReconstructionMse = series.Anomaly!.ReconstructionMse, IsAnomaly = series.Anomaly.IsAnomaly, Threshold = series.Anomaly.Threshold };
    }

    private static InstancePrediction Instance(TensorRow row, InstanceAnswer answer) => new()
    {
        SopInstanceUid = row.SopInstanceUid,
        InstanceNumber = row.InstanceNumber,
        Frame = row.Frame,
        PredictedClass = answer.Classification?.PredictedClass,
        Probability = answer.Classification?.Probability,
        ReconstructionMse = answer.Anomaly?.ReconstructionMse,
        IsAnomaly = answer.Anomaly?.IsAnomaly,
    };

    private static SeriesPreprocessingInfo? PreprocessingOf(TensorIndex index) =>
        string.IsNullOrEmpty(index.PreprocessingSummary) || JsonSerializer.Deserialize<SeriesPreprocessingInfo>(index.PreprocessingSummary) is not { } info
            ? null
            : info with { FrameCount = index.Rows.Count };

    private static Dictionary<string, double> Timings(TensorIndex index, TimeSpan inference)
    {
        var timings = new Dictionary<string, double> { ["inference"] = Math.Round(inference.TotalMilliseconds, 3) };
        if (index.PreprocessMilliseconds is { } preprocess)
        {
            timings["preprocess"] = preprocess;
        }

        return timings;
    }
}
