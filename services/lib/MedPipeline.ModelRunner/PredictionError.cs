namespace MedPipeline.ModelRunner;

/// <summary>What was wrong with a single-image request; the HTTP edge maps each to a status code.</summary>
public enum PredictionError
{
    UnknownModel,
    WrongTask,
    InvalidThreshold,
    NotAnImage,
    UnsupportedFormat,
    NoPixelData,
    InvalidImage,
    TooLarge,
    OverDecodeBudget,
    HeatmapUnavailable,
}
