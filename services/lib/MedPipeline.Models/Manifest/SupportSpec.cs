namespace MedPipeline.Models.Manifest;

/// <summary>The DICOM modalities and SOP classes a model answers; anything else is not_supported.</summary>
public sealed record SupportSpec(IReadOnlyList<string> Modalities, IReadOnlyList<string> SopClassUids);
