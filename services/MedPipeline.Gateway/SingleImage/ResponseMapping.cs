using MedPipeline.ModelRunner;

namespace MedPipeline.Gateway.SingleImage;

/// <summary>From a prediction to the JSON each endpoint promises.</summary>
internal static class ResponseMapping
{
    public static ClassificationResponse Classification(ImagePrediction p)
    {
        var frames = p.Frames.Select(f => new ClassificationFrame(f.Frame, f.Classification!.PredictedClass, f.Classification.Probability,
            f.Classification.ClassProbabilities)).ToList();
        var first = frames[0];
        return new ClassificationResponse(first.Prediction, first.Confidence, first.Probabilities, p.Model.ModelType, p.Model.Version,
            Round(p.Timings.TotalMs), Timings(p.Timings), frames, p.Preprocessing, Preview(p), HeatmapResponse.Of(p.Heatmap));
    }

    public static AnomalyResponse Anomaly(ImagePrediction p)
    {
        var frames = p.Frames.Select(f => new AnomalyFrame(f.Frame, f.Anomaly!.ReconstructionMse, f.Anomaly.IsAnomaly)).ToList();
        var first = p.Frames[0].Anomaly!;
        return new AnomalyResponse(first.ReconstructionMse, first.IsAnomaly, first.Threshold, Round(p.Timings.TotalMs), Timings(p.Timings),
            p.Model.ModelType, p.Model.Version, frames, p.Preprocessing, Preview(p), HeatmapResponse.Of(p.Heatmap));
    }

    private static TimingsResponse Timings(PredictionTimings t) => new(Round(t.DecodeMs), Round(t.PreprocessMs), Round(t.InferenceMs));

    private static double Round(double ms) => Math.Round(ms, 3);

    private static string? Preview(ImagePrediction p) => p.PreviewPng is { } png ? $"data:image/png;base64,{Convert.ToBase64String(png)}" : null;
}
