namespace MedPipeline.Gateway.DicomWeb;

/// <summary>
/// A series whose instances arrive over STOW-RS, kept in the store beside them (dicomweb/{organization}/{series}/series.json),
/// so a gateway restart loses nothing: what routing needs, and when the last instance came.
/// No patient attribute is kept here.
/// </summary>
public sealed record PendingSeries
{
    public string Organization { get; init; } = "";

    public string StudyInstanceUid { get; init; } = "";

    public string SeriesInstanceUid { get; init; } = "";

    public string? Modality { get; init; }

    public string? BodyPart { get; init; }

    public string? SeriesDescription { get; init; }

    public DateTimeOffset FirstReceivedAt { get; init; }

    public DateTimeOffset LastReceivedAt { get; init; }

    /// <summary>Set by the commit endpoint: close at the next scan, without waiting for the quiet period.</summary>
    public bool CommitRequested { get; init; }
}
