namespace MedPipeline.Imaging;

/// <summary>How the samples of an <see cref="ImageFrame"/> are to be read.</summary>
public enum ColorModel
{
    /// <summary>One sample per pixel; the lowest value is displayed white (DICOM MONOCHROME1).</summary>
    Monochrome1,

    /// <summary>One sample per pixel; the lowest value is displayed black.</summary>
    Monochrome2,

    /// <summary>Three interleaved samples per pixel, R G B (YBR and palette are converted by the decoder).</summary>
    Rgb,
}
