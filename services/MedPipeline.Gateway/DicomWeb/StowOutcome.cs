namespace MedPipeline.Gateway.DicomWeb;

/// <summary>What happened to one part of a STOW-RS request: stored (or already stored), or failed with a PS3.18 reason.</summary>
public sealed record StowOutcome(string? SopClassUid, string? SopInstanceUid, string? StudyInstanceUid, string? SeriesInstanceUid, ushort? FailureReason)
{
    public bool Stored => FailureReason is null;

    public static StowOutcome Failed(ushort reason, string? sopClassUid = null, string? sopInstanceUid = null) =>
        new(sopClassUid, sopInstanceUid, null, null, reason);
}
