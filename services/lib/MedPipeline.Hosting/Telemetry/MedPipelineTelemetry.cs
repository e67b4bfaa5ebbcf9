using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MedPipeline.Hosting.Telemetry;

/// <summary>Our own ActivitySource and Meter ("MedPipeline"), and the per-stage span.</summary>
public static class MedPipelineTelemetry
{
    public const string Name = "MedPipeline";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    internal static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>(
        "medpipeline.stage.duration", unit: "ms", description: "How long one pipeline stage took for one series.");

    private static readonly Counter<long> InstancesProcessed = Meter.CreateCounter<long>(
        "medpipeline.instances.processed", unit: "{instance}", description: "What a stage handled: DICOM instances unpacked, frames preprocessed or inferred.");

    /// <summary>Counts what one stage handled for one series: instances unpacked, frames preprocessed or inferred.</summary>
    public static void CountInstances(string stage, int count)
    {
        ArgumentException.ThrowIfNullOrEmpty(stage);
        if (count > 0)
        {
            InstancesProcessed.Add(count, new KeyValuePair<string, object?>("medpipeline.stage", stage));
        }
    }

    /// <summary>
    /// Starts the span of one stage ("unpack", "preprocess", "inference", "callback") for one series;
    /// disposing it ends the span and records the stage's duration. Call <see cref="StageSpan.Fail"/>
    /// before disposing when the stage failed.
    /// </summary>
    public static StageSpan StartStage(string stage, Guid correlationId, Guid attemptId)
    {
        ArgumentException.ThrowIfNullOrEmpty(stage);
        var activity = Source.StartActivity($"medpipeline.{stage}", ActivityKind.Internal);
        activity?.SetTag("medpipeline.stage", stage);
        activity?.SetTag("medpipeline.correlation_id", correlationId.ToString());
        activity?.SetTag("medpipeline.attempt_id", attemptId.ToString());
        return new StageSpan(stage, activity);
    }
}
