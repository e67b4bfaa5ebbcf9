using System.Diagnostics.Metrics;
using MedPipeline.Hosting.Telemetry;

namespace MedPipeline.Inference.Telemetry;

/// <summary>
/// How long a model took over one series' stored tensors (reading them included), by model type: the
/// figure ops compare between models and against the inference stage timeout. Model types are the
/// registry's names, so the label set stays small and carries no patient data.
/// </summary>
public static class ModelRunTime
{
    public const string InstrumentName = "medpipeline.model.run.duration";

    private static readonly Histogram<double> Duration = MedPipelineTelemetry.Meter.CreateHistogram<double>(
        InstrumentName, unit: "ms", description: "How long one model ran over one series' tensors.");

    public static void Record(string modelType, TimeSpan elapsed) =>
        Duration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("medpipeline.model", modelType));
}
