using MedPipeline.Models.Manifest;
using MedPipeline.ModelInput;
using MedPipeline.ModelRunner.Heatmaps;

namespace MedPipeline.ModelRunner;

/// <summary>
/// The model's answer for every frame of one file, how long each step took, and what preprocessing did; the heatmap
/// of the deciding frame only when it was asked for.
/// </summary>
public sealed record ImagePrediction(
    ModelManifest Model,
    IReadOnlyList<FramePrediction> Frames,
    PredictionTimings Timings,
    PreprocessingSummary Preprocessing,
    string SourceFormat,
    byte[]? PreviewPng,
    FrameHeatmap? Heatmap = null);
