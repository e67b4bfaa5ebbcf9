namespace MedPipeline.Dicom.Series;

/// <summary>
/// One image of an <see cref="InstanceIndex"/>: its place in the series, where it is, its size in bytes
/// (a file of another size is not the one indexed), its attributes and where its pixel data lies
/// (null when it must be parsed again, as for deflated files).
/// </summary>
/// <param name="Offset">
/// Null when the image is the whole object <paramref name="Key"/> (a file the Unpacker extracted); else it is the
/// <paramref name="Bytes"/> bytes from this offset inside <paramref name="Key"/>, the uploaded ZIP holding it
/// uncompressed, read in place instead of copied.
/// </param>
/// <param name="Crc32">
/// For an image read in place: the CRC-32 the ZIP recorded for the entry, checked when its bytes are read (an extracted file
/// was checked by the ZIP reader when it was written). Null in indexes written before it was recorded: then nothing is checked.
/// </param>
public sealed record IndexedInstance(int Order, string Key, string Name, long Bytes, DicomImageInfo Info, PixelDataLocation? PixelData, long? Offset = null,
    uint? Crc32 = null)
{
    /// <summary>How failures name the image: the extracted file's name, or the entry's name in the upload when read in place.</summary>
    public string FileName => Offset is null ? System.IO.Path.GetFileName(Key) : Name;
}
