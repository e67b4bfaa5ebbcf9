namespace MedPipeline.Dicom;

/// <summary>A typed failure to read or decode one DICOM file: which file, which reason, in words.</summary>
public sealed class DicomReadException : Exception
{
    public DicomReadException(string source, DicomFailureReason reason, string detail, Exception? inner = null)
        : base($"{source}: {reason}: {detail}", inner)
    {
        Source = source;
        Reason = reason;
        Detail = detail;
    }

    /// <summary>The file name (never a patient attribute).</summary>
    public new string Source { get; }

    public DicomFailureReason Reason { get; }

    public string Detail { get; }
}
