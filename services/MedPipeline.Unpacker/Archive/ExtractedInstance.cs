namespace MedPipeline.Unpacker.Archive;

/// <summary>One DICOM file taken out of the archive: its entry name in the ZIP and where it was written.</summary>
public sealed record ExtractedInstance(string EntryName, string Key, long Length);
