namespace MedPipeline.ModelRunner;

/// <summary>A request the predictor refuses, with a message that tells the caller exactly what to fix.</summary>
public sealed class PredictionException(PredictionError error, string message, Exception? inner = null) : Exception(message, inner)
{
    public PredictionError Error { get; } = error;
}
