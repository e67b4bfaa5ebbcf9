namespace MedPipeline.Orchestrator.Options;

/// <summary>
/// Whether the store's copies of a series (the uploaded ZIP, the unpacked instances, the tensors) are
/// deleted once they are no longer needed ("Orchestrator:Cleanup"). The outcome itself stays on the
/// series; turn this off to keep the data for investigation.
/// </summary>
public sealed class SeriesDataCleanup
{
    public const string Section = "Orchestrator:Cleanup";

    public bool DeleteSeriesData { get; set; } = true;
}
