namespace MedPipeline.Dicom.Reports;

/// <summary>One DICOM object made from a result: its SOP class and instance and its Part-10 bytes.</summary>
public sealed record ResultObject(string SopClassUid, string SopInstanceUid, byte[] Bytes);
