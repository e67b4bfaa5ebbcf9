namespace MedPipeline.Gateway.DicomWeb;

/// <summary>Failure Reason (0008,1197) codes of a STOW-RS response (PS3.18 §10.5.3, PS3.4 Annex B storage statuses).</summary>
public static class StowFailure
{
    /// <summary>Processing failure: the part is not a DICOM instance we can read, or lacks the UIDs it must have.</summary>
    public const ushort CannotUnderstand = 0xC000;

    /// <summary>Out of resources: the instance or the organization's waiting data passes a limit.</summary>
    public const ushort OutOfResources = 0xA700;

    /// <summary>The instance is not of the study named in the request URL.</summary>
    public const ushort StudyMismatch = 0xC122;
}
