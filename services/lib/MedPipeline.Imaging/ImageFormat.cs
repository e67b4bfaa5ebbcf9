namespace MedPipeline.Imaging;

/// <summary>What an uploaded file is, by its first bytes (never by its name or content type).</summary>
public enum ImageFormat
{
    Unknown,
    Png,
    Jpeg,
    Dicom,
}
