using MedPipeline.Models.Manifest;
using MedPipeline.ModelInput;

namespace MedPipeline.ModelRunner;

/// <summary>The model's answer for every frame of one file, how long each step took, and what preprocessing did.</summary>
public sealed record ImagePrediction(
    ModelManifest Model,
    IReadOnlyList<FramePrediction> Frames,
    PredictionTimings Timings,
    PreprocessingSummary Preprocessing,
    string SourceFormat,
    byte[]? PreviewPng);
