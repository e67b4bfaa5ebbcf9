namespace MedPipeline.Unpacker.Tests;

/// <summary>Bytes for hostile archives (built with <see cref="SampleData.SeriesArchive"/>).</summary>
internal static class TestZip
{
    /// <summary>A file with the DICOM preamble and prefix and nothing after: passes the prefix check, not a parse.</summary>
    public static byte[] DicomLike(int payload = 64)
    {
        var bytes = new byte[132 + payload];
        "DICM"u8.CopyTo(bytes.AsSpan(128));
        return bytes;
    }
}
