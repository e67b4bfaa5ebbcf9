using System.Buffers.Binary;
using System.IO.Compression;

namespace MedPipeline.Imaging;

/// <summary>
/// A non-interlaced 8-bit PNG written in managed code (zlib from the BCL): libspng stays a decoder here, so no native
/// call touches what we produce. Rows come from the caller, filter type 0 (none).
/// </summary>
internal static class PngWriter
{
    public const byte ColorTypeGray = 0;
    public const byte ColorTypeRgb = 2;

    /// <summary>Writes a PNG whose rows <paramref name="writeRow"/> fills (<paramref name="channels"/> bytes per pixel).</summary>
    public static byte[] Write(int width, int height, byte colorType, int channels, Action<int, Span<byte>> writeRow)
    {
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[width * channels + 1];
            for (var y = 0; y < height; y++)
            {
                writeRow(y, row.AsSpan(1));
                zlib.Write(row);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8;
        header[9] = colorType;
        Chunk(png, "IHDR"u8, header);
        Chunk(png, "IDAT"u8, raw.ToArray());
        Chunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static readonly uint[] CrcTable = [.. Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        }

        return c;
    })];

    /// <summary>The PNG/zlib CRC-32 (ISO 3309), continued over <paramref name="bytes"/>.</summary>
    private static uint Crc(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static void Chunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, ~Crc(Crc(0xFFFFFFFF, type), data));
        output.Write(word);
    }
}
