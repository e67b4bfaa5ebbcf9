using MedPipeline.ModelRegistry.Manifest;
using MedPipeline.Preprocessing;

namespace MedPipeline.Prediction;

/// <summary>The model's answer for every frame of one file, how long each step took, and what preprocessing did.</summary>
public sealed record ImagePrediction(
    ModelManifest Model,
    IReadOnlyList<FramePrediction> Frames,
    PredictionTimings Timings,
    PreprocessingSummary Preprocessing,
    string SourceFormat,
    byte[]? PreviewPng);
