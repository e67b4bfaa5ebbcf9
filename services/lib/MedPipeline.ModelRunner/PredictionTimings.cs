namespace MedPipeline.ModelRunner;

/// <summary>Server-side milliseconds per step; <see cref="TotalMs"/> is what clients see as inference_time_ms.</summary>
public sealed record PredictionTimings(double DecodeMs, double PreprocessMs, double InferenceMs)
{
    public double TotalMs => DecodeMs + PreprocessMs + InferenceMs;
}
