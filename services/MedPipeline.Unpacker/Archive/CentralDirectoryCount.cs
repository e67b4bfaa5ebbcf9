using System.Buffers.Binary;

namespace MedPipeline.Unpacker.Archive;

/// <summary>
/// Reads how many entries a ZIP declares from its End Of Central Directory record (and the ZIP64 one when the
/// classic fields are saturated), from the last 64 KB of the file only. <see cref="System.IO.Compression.ZipArchive"/>
/// reads and keeps every central-directory entry as soon as it is opened; this count is checked first, so a small
/// file declaring millions of entries is refused without reading them.
/// </summary>
internal static class CentralDirectoryCount
{
    private const uint EndSignature = 0x06054B50;
    private const uint Zip64LocatorSignature = 0x07064B50;
    private const uint Zip64EndSignature = 0x06064B50;
    private const int EndLength = 22;
    private const int Zip64LocatorLength = 20;
    private const int MaxCommentLength = ushort.MaxValue;

    /// <summary>The declared entry count, or null when no End Of Central Directory record is found (not a ZIP, or cut short).</summary>
    public static ulong? Read(Stream zip)
    {
        var tailLength = (int)Math.Min(zip.Length, EndLength + MaxCommentLength + Zip64LocatorLength);
        var tail = new byte[tailLength];
        zip.Seek(-tailLength, SeekOrigin.End);
        zip.ReadExactly(tail);
        zip.Seek(0, SeekOrigin.Begin);
        for (var at = tailLength - EndLength; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) != EndSignature)
            {
                continue;
            }

            ulong entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
            return entries == ushort.MaxValue && Zip64Entries(zip, tail, at) is { } zip64 ? zip64 : entries;
        }

        return null;
    }

    /// <summary>The ZIP64 record's count, found through the locator just before the classic record.</summary>
    private static ulong? Zip64Entries(Stream zip, byte[] tail, int endAt)
    {
        var locatorAt = endAt - Zip64LocatorLength;
        if (locatorAt < 0 || BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(locatorAt)) != Zip64LocatorSignature)
        {
            return null;
        }

        var recordOffset = BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(locatorAt + 8));
        if (recordOffset > (ulong)(zip.Length - 56))
        {
            return null;
        }

        var record = new byte[56];
        zip.Seek((long)recordOffset, SeekOrigin.Begin);
        zip.ReadExactly(record);
        zip.Seek(0, SeekOrigin.Begin);
        return BinaryPrimitives.ReadUInt32LittleEndian(record) == Zip64EndSignature ? BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32)) : null;
    }
}
