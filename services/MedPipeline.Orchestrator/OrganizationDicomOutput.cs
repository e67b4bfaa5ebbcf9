using MedPipeline.Organizations;

namespace MedPipeline.Orchestrator;

/// <summary>DICOM output is on for an organization with a DICOMweb destination configured (Organizations:{name}:DicomExport).</summary>
public sealed class OrganizationDicomOutput(OrganizationDirectory organizations) : IDicomOutput
{
    public bool IsEnabledFor(string organization) => organizations.DicomExportOf(organization) is not null;
}
