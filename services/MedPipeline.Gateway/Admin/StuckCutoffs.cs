namespace MedPipeline.Gateway.Admin;

/// <summary>A series still in a stage that started before its cut-off is stuck (the stage starts when the previous one ended).</summary>
public sealed record StuckCutoffs(DateTimeOffset UnpackStartedBefore, DateTimeOffset PreprocessStartedBefore, DateTimeOffset InferenceStartedBefore)
{
    public static StuckCutoffs At(DateTimeOffset now, AdminOptions options) =>
        new(now - options.StuckUnpackAfter, now - options.StuckPreprocessAfter, now - options.StuckInferenceAfter);
}
