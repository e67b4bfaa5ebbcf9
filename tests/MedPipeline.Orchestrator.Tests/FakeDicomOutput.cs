namespace MedPipeline.Orchestrator.Tests;

/// <summary>DICOM output on or off for every organization, as the <see cref="Scenario"/> says.</summary>
public sealed class FakeDicomOutput(Scenario scenario) : IDicomOutput
{
    public bool IsEnabledFor(string organization) => scenario.DicomOutput;
}
