using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using MedPipeline.ModelInput;

namespace MedPipeline.Models.Manifest;

/// <summary>Checks a manifest's own fields (everything that needs no ONNX session).</summary>
internal static class ManifestValidator
{
    public static void Validate(ModelManifest m, string file)
    {
        void Fail(string field, string problem) => throw new ModelManifestException(file, field, problem);

        var folder = Path.GetFileName(m.Directory);
        if (string.IsNullOrWhiteSpace(m.ModelType) || m.ModelType != folder)
        {
            Fail("modelType", $"'{m.ModelType}' must equal the folder name '{folder}'");
        }

        if (string.IsNullOrWhiteSpace(m.Name)) Fail("name", "is required");
        if (string.IsNullOrWhiteSpace(m.Version)) Fail("version", "is required");
        if (m.Task is null) Fail("task", "is required: \"classification\" or \"anomaly\"");
        if (string.IsNullOrWhiteSpace(m.File) || !File.Exists(m.ModelPath)) Fail("file", $"'{m.File}' does not exist next to the manifest");
        CheckSha256(m, Fail);
        CheckInput(m, Fail);
        CheckPreprocessing(m.Preprocessing, Fail);
        if (m.Postprocessing is null) Fail("postprocessing", "must be an object when present (leave it out for none)");
        if (m.Task == ModelTask.Classification) CheckClassification(m, Fail);
        else CheckAnomaly(m, Fail);
        if (m.Supports is null || m.Supports.Modalities.Count == 0) Fail("supports.modalities", "must name at least one DICOM modality");
        if (m.Golden is not null && !File.Exists(Path.Combine(m.Directory, m.Golden))) Fail("golden", $"'{m.Golden}' does not exist");
    }

    private static void CheckSha256(ModelManifest m, Action<string, string> fail)
    {
        using var stream = File.OpenRead(m.ModelPath);
        var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (!string.Equals(m.Sha256, actual, StringComparison.OrdinalIgnoreCase))
        {
            fail("sha256", $"expected {m.Sha256}, the file has {actual}");
        }
    }

    private static void CheckInput(ModelManifest m, Action<string, string> fail)
    {
        if (m.Input is null || string.IsNullOrWhiteSpace(m.Input.Name)) fail("input.name", "is required");
        var shape = m.Input!.Shape;
        if (shape.Count != 4 || shape.Skip(1).Any(d => d <= 0) || shape[0] is 0 or < -1)
        {
            fail("input.shape", $"[{string.Join(", ", shape)}] must be N×C×H×W with N = -1 (dynamic) or positive and C, H, W positive");
        }

        var p = m.Preprocessing;
        if (p is not null && (shape[2] != p.TargetHeight || shape[3] != p.TargetWidth))
        {
            fail("input.shape", $"H×W {shape[2]}×{shape[3]} differs from preprocessing target {p.TargetHeight}×{p.TargetWidth}");
        }

        var channels = p?.Channels == ChannelHandling.Rgb ? 3 : 1;
        if (shape[1] != channels) fail("input.shape", $"C = {shape[1]} but preprocessing.channels gives {channels}");
    }

    private static void CheckPreprocessing(PreprocessingSpec? p, Action<string, string> fail)
    {
        if (p is null) fail("preprocessing", "is required");
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(p!, new ValidationContext(p!), results, validateAllProperties: true))
        {
            fail($"preprocessing.{string.Join(",", results.SelectMany(r => r.MemberNames))}", string.Join("; ", results.Select(r => r.ErrorMessage)));
        }

        if (p!.Windowing.Rule == WindowingRule.Fixed && (p.Windowing.Center is null || p.Windowing.Width is not >= 1))
        {
            fail("preprocessing.windowing", "the fixed rule needs center and width (>= 1)");
        }

        var channels = p.Channels == ChannelHandling.Rgb ? 3 : 1;
        if (p.Normalization.Kind == NormalizationKind.MeanStd &&
            (p.Normalization.Mean?.Count != channels || p.Normalization.Std?.Count != channels || p.Normalization.Std.Any(s => s <= 0)))
        {
            fail("preprocessing.normalization", $"meanstd needs {channels} mean and {channels} positive std values");
        }
    }

    private static void CheckClassification(ModelManifest m, Action<string, string> fail)
    {
        if (m.Labels is not { Count: > 0 } labels || labels.Distinct().Count() != labels.Count) fail("labels", "needs distinct class labels");
        if (!m.Outputs.ContainsKey("probabilities")) fail("outputs.probabilities", "names the output holding probabilities (or logits, with postprocessing.probabilities \"softmax\"); it is required");
        if (m.Postprocessing.ReconstructionMse != ReconstructionMseSource.FromOutput) fail("postprocessing.reconstructionMse", "applies to anomaly models only");
        if (m.Aggregation?.Rule is not (AggregationRule.Mean or AggregationRule.MaxPositive)) fail("aggregation.rule", "must be \"mean\" or \"max-positive\" for a classifier");
        if (m.Aggregation!.Rule == AggregationRule.MaxPositive && (m.Labels!.Count != 2 || !m.Labels.Contains(m.Aggregation.PositiveLabel ?? "")))
        {
            fail("aggregation.positiveLabel", "max-positive needs two labels and a positiveLabel that is one of them");
        }
    }

    private static void CheckAnomaly(ModelManifest m, Action<string, string> fail)
    {
        if (m.Threshold is not > 0) fail("threshold", "an anomaly model needs a positive default threshold");
        if (m.Postprocessing.Probabilities != ProbabilitiesSource.FromOutput) fail("postprocessing.probabilities", "applies to classifiers only");
        if (m.Postprocessing.ReconstructionMse == ReconstructionMseSource.FromReconstruction)
        {
            if (!m.Outputs.ContainsKey("reconstruction")) fail("outputs.reconstruction", "postprocessing.reconstructionMse \"fromReconstruction\" needs the name of the reconstructed image output");
            if (m.Outputs.ContainsKey("reconstructionMse")) fail("outputs.reconstructionMse", "must be absent with postprocessing.reconstructionMse \"fromReconstruction\": the MSE is computed from outputs.reconstruction");
        }
        else if (!m.Outputs.ContainsKey("reconstructionMse"))
        {
            fail("outputs.reconstructionMse", "names the per-image reconstruction MSE output; it is required (or set postprocessing.reconstructionMse to \"fromReconstruction\")");
        }

        if (m.Aggregation?.Rule is not (AggregationRule.MaxMse or AggregationRule.MeanMse)) fail("aggregation.rule", "must be \"max-mse\" or \"mean-mse\" for an anomaly model");
    }
}
