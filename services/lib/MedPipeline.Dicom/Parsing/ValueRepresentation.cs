namespace MedPipeline.Dicom.Parsing;

/// <summary>The VR facts the parser needs: which VRs have 4-byte lengths, and the VRs of the tags we read in implicit VR files.</summary>
internal static class ValueRepresentation
{
    private static readonly HashSet<string> LongLength = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];

    private static readonly Dictionary<DicomTag, string> Known = new()
    {
        [DicomTag.TransferSyntaxUid] = "UI", [DicomTag.SopClassUid] = "UI", [DicomTag.SopInstanceUid] = "UI",
        [DicomTag.StudyInstanceUid] = "UI", [DicomTag.SeriesInstanceUid] = "UI", [DicomTag.Modality] = "CS",
        [DicomTag.PhotometricInterpretation] = "CS", [DicomTag.InstanceNumber] = "IS", [DicomTag.NumberOfFrames] = "IS",
        [DicomTag.ImagePositionPatient] = "DS", [DicomTag.ImageOrientationPatient] = "DS", [DicomTag.WindowCenter] = "DS",
        [DicomTag.WindowWidth] = "DS", [DicomTag.RescaleIntercept] = "DS", [DicomTag.RescaleSlope] = "DS",
        [DicomTag.SamplesPerPixel] = "US", [DicomTag.PlanarConfiguration] = "US", [DicomTag.Rows] = "US",
        [DicomTag.Columns] = "US", [DicomTag.BitsAllocated] = "US", [DicomTag.BitsStored] = "US",
        [DicomTag.HighBit] = "US", [DicomTag.PixelRepresentation] = "US", [DicomTag.PixelData] = "OW",
    };

    public static bool HasLongLength(string vr) => LongLength.Contains(vr);

    public static string Implicit(DicomTag tag) => Known.GetValueOrDefault(tag, "UN");

    public static bool IsValid(byte a, byte b) => a is >= (byte)'A' and <= (byte)'Z' && b is >= (byte)'A' and <= (byte)'Z';
}
