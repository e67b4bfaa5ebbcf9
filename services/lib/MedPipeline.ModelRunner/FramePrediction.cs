using MedPipeline.Models;

namespace MedPipeline.ModelRunner;

/// <summary>The answer for one frame: a class (classifier) or a reconstruction error (anomaly model).</summary>
public sealed record FramePrediction(int Frame, InstanceAnswer Answer)
{
    public ClassificationOutcome? Classification => Answer.Classification;

    public AnomalyOutcome? Anomaly => Answer.Anomaly;
}
