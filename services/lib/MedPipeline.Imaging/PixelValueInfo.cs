namespace MedPipeline.Imaging;

/// <summary>
/// What the stored values of a frame mean: the modality LUT (rescale) and the image's own VOI window,
/// as the source file gave them. Non-DICOM images have slope 1, intercept 0 and no window.
/// </summary>
public sealed record PixelValueInfo
{
    /// <summary>Bits actually used per sample (DICOM Bits Stored; 8 or 16 for PNG/JPEG).</summary>
    public required int BitsStored { get; init; }

    /// <summary>Whether stored values are two's complement (DICOM Pixel Representation 1).</summary>
    public bool IsSigned { get; init; }

    public double RescaleSlope { get; init; } = 1;

    public double RescaleIntercept { get; init; }

    /// <summary>The file's first VOI window centre, after the modality LUT; null when absent.</summary>
    public double? WindowCenter { get; init; }

    /// <summary>The file's first VOI window width; null when absent.</summary>
    public double? WindowWidth { get; init; }

    /// <summary>True when the source is DICOM, so "dicom" windowing rules apply.</summary>
    public bool IsDicom { get; init; }

    /// <summary>The smallest and largest value the stored bits can hold (before rescale).</summary>
    public (double Min, double Max) StoredRange =>
        IsSigned ? (-Math.Pow(2, BitsStored - 1), Math.Pow(2, BitsStored - 1) - 1) : (0, Math.Pow(2, BitsStored) - 1);

    public static PixelValueInfo ForNonDicom(int bitsStored) => new() { BitsStored = bitsStored };
}
