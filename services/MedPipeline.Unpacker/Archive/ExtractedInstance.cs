namespace MedPipeline.Unpacker.Archive;

/// <summary>
/// One DICOM file of the archive: its entry name in the ZIP and its key among the series' instances. With an
/// <paramref name="Offset"/>, nothing was written under <paramref name="Key"/>: the file is its <paramref name="Length"/> bytes from
/// that offset of the upload, a stored (uncompressed) entry read in place, and <paramref name="Crc32"/> is what the ZIP
/// recorded for it, for whoever reads those bytes to check.
/// </summary>
public sealed record ExtractedInstance(string EntryName, string Key, long Length, long? Offset = null, uint? Crc32 = null);
