namespace MedPipeline.Orchestrator;

/// <summary>Whether an organization gets DICOM results (SR, heatmap images) before its callback.</summary>
public interface IDicomOutput
{
    bool IsEnabledFor(string organization);
}
