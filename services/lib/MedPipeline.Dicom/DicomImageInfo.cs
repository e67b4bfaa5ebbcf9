namespace MedPipeline.Dicom;

/// <summary>
/// The attributes an ML pipeline needs, read from the dataset: identity, geometry, pixel module and
/// value transforms. Absent attributes are null. No patient attribute is ever read.
/// </summary>
public sealed record DicomImageInfo
{
    public string? SopClassUid { get; init; }

    public string? SopInstanceUid { get; init; }

    public string? Modality { get; init; }

    public string? StudyInstanceUid { get; init; }

    public string? SeriesInstanceUid { get; init; }

    public int? InstanceNumber { get; init; }

    public double[]? ImagePositionPatient { get; init; }

    public double[]? ImageOrientationPatient { get; init; }

    public int? Rows { get; init; }

    public int? Columns { get; init; }

    public int? BitsAllocated { get; init; }

    public int? BitsStored { get; init; }

    public int? HighBit { get; init; }

    public int? PixelRepresentation { get; init; }

    public string? PhotometricInterpretation { get; init; }

    public int? SamplesPerPixel { get; init; }

    public int? PlanarConfiguration { get; init; }

    public int NumberOfFrames { get; init; } = 1;

    public double? RescaleSlope { get; init; }

    public double? RescaleIntercept { get; init; }

    public double? WindowCenter { get; init; }

    public double? WindowWidth { get; init; }

    public required string TransferSyntaxUid { get; init; }

    public bool HasPixelData { get; init; }

    internal static DicomImageInfo From(DicomDataset d) => new()
    {
        SopClassUid = d.GetString(DicomTag.SopClassUid),
        SopInstanceUid = d.GetString(DicomTag.SopInstanceUid),
        Modality = d.GetString(DicomTag.Modality),
        StudyInstanceUid = d.GetString(DicomTag.StudyInstanceUid),
        SeriesInstanceUid = d.GetString(DicomTag.SeriesInstanceUid),
        InstanceNumber = d.GetInt(DicomTag.InstanceNumber),
        ImagePositionPatient = d.GetDoubles(DicomTag.ImagePositionPatient),
        ImageOrientationPatient = d.GetDoubles(DicomTag.ImageOrientationPatient),
        Rows = d.GetUInt16(DicomTag.Rows),
        Columns = d.GetUInt16(DicomTag.Columns),
        BitsAllocated = d.GetUInt16(DicomTag.BitsAllocated),
        BitsStored = d.GetUInt16(DicomTag.BitsStored),
        HighBit = d.GetUInt16(DicomTag.HighBit),
        PixelRepresentation = d.GetUInt16(DicomTag.PixelRepresentation),
        PhotometricInterpretation = d.GetString(DicomTag.PhotometricInterpretation),
        SamplesPerPixel = d.GetUInt16(DicomTag.SamplesPerPixel),
        PlanarConfiguration = d.GetUInt16(DicomTag.PlanarConfiguration),
        NumberOfFrames = d.GetInt(DicomTag.NumberOfFrames) ?? 1,
        RescaleSlope = d.GetDouble(DicomTag.RescaleSlope),
        RescaleIntercept = d.GetDouble(DicomTag.RescaleIntercept),
        WindowCenter = d.GetDouble(DicomTag.WindowCenter),
        WindowWidth = d.GetDouble(DicomTag.WindowWidth),
        TransferSyntaxUid = d.TransferSyntax.Uid,
        HasPixelData = d.Contains(DicomTag.PixelData),
    };
}
