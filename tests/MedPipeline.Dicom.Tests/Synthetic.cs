using MedPipeline.Dicom.Writing;

namespace MedPipeline.Dicom.Tests;

/// <summary>Small synthetic instances for the tests.</summary>
internal static class Synthetic
{
    public static SyntheticDicom Ct(int rows = 4, int columns = 3, int frames = 1, bool rle = false) => new()
    {
        SopInstanceUid = "1.2.3.4.5.6.1",
        StudyInstanceUid = "1.2.3.4.5",
        SeriesInstanceUid = "1.2.3.4.5.6",
        InstanceNumber = 7,
        ImagePositionPatient = [-120.5, -100, 42.25],
        ImageOrientationPatient = [1, 0, 0, 0, 1, 0],
        Rows = rows,
        Columns = columns,
        BitsStored = 12,
        PixelRepresentation = 1,
        Frames = frames,
        RescaleSlope = 1,
        RescaleIntercept = -1024,
        WindowCenter = 40,
        WindowWidth = 400,
        Rle = rle,
        Pixels = [.. Enumerable.Range(0, rows * columns * frames).Select(i => (i * 97 % 4096) - 2048)],
    };

    public static SyntheticDicom Rgb(bool rle = false) => new()
    {
        SopClassUid = SyntheticDicom.SecondaryCaptureStorage,
        SopInstanceUid = "1.2.3.9",
        StudyInstanceUid = "1.2.3",
        SeriesInstanceUid = "1.2.3.8",
        Modality = "OT",
        Rows = 2,
        Columns = 2,
        BitsAllocated = 8,
        BitsStored = 8,
        SamplesPerPixel = 3,
        PhotometricInterpretation = "RGB",
        Rle = rle,
        Pixels = [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30],
    };
}
