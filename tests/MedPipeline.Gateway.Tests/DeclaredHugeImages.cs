using System.Buffers.Binary;
using System.IO.Compression;
using MedPipeline.Dicom;
using MedPipeline.Dicom.Writing;

namespace MedPipeline.Gateway.Tests;

/// <summary>Tiny files whose headers declare images far larger than their bytes: what a decompression-bomb upload looks like.</summary>
internal static class DeclaredHugeImages
{
    /// <summary>A valid PNG header (gray, 8 bit) declaring <paramref name="side"/>² pixels over a ~1 KB zlib stream of zero rows.</summary>
    public static byte[] Png(int side)
    {
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[(side + 1) * 16]);
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)side);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)side);
        header[8] = 8;
        Chunk(png, "IHDR"u8, header);
        Chunk(png, "IDAT"u8, raw.ToArray());
        Chunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    /// <summary>An RLE DICOM declaring <paramref name="frames"/> frames of <paramref name="side"/>² 16-bit pixels, each frame one tiny fragment.</summary>
    public static byte[] RleDicom(int side, int frames) => Image(side, frames)
        .Fragments([.. Enumerable.Range(0, frames).Select(_ => RleFrame())]).ToBytes(TransferSyntax.RleLosslessUid);

    /// <summary>A deflated DICOM declaring <paramref name="frames"/> native frames of <paramref name="side"/>² 16-bit pixels of zeros.</summary>
    public static byte[] DeflatedDicom(int side, int frames)
    {
        var plain = Image(side, frames).ToBytes(TransferSyntax.DeflatedExplicitLittleUid);
        var metaEnd = 132 + 12 + (int)BinaryPrimitives.ReadUInt32LittleEndian(plain.AsSpan(140));
        using var output = new MemoryStream();
        output.Write(plain, 0, metaEnd);
        using (var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(plain, metaEnd, plain.Length - metaEnd);
            var pixelHeader = new byte[12];
            BinaryPrimitives.WriteUInt16LittleEndian(pixelHeader, 0x7FE0);
            BinaryPrimitives.WriteUInt16LittleEndian(pixelHeader.AsSpan(2), 0x0010);
            pixelHeader[4] = (byte)'O';
            pixelHeader[5] = (byte)'W';
            BinaryPrimitives.WriteUInt32LittleEndian(pixelHeader.AsSpan(8), (uint)(side * side * 2 * frames));
            deflate.Write(pixelHeader);
            var zeros = new byte[side * 2];
            for (var row = 0; row < side * frames; row++)
            {
                deflate.Write(zeros);
            }
        }

        return output.ToArray();
    }

    private static DicomWriter Image(int side, int frames) => new DicomWriter()
        .Text(DicomTag.SopClassUid, "UI", SyntheticDicom.CtImageStorage).Text(DicomTag.SopInstanceUid, "UI", "1.2.3.4")
        .UInt16(DicomTag.Rows, side).UInt16(DicomTag.Columns, side).UInt16(DicomTag.BitsAllocated, 16).UInt16(DicomTag.BitsStored, 16)
        .UInt16(DicomTag.SamplesPerPixel, 1).Text(DicomTag.PhotometricInterpretation, "CS", "MONOCHROME2")
        .Text(DicomTag.NumberOfFrames, "IS", frames.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>An RLE frame header naming two segments that each hold one "repeat zero 128 times" run.</summary>
    private static byte[] RleFrame()
    {
        var frame = new byte[64 + 4];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, 2);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), 64);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(8), 66);
        frame[64] = 0x81;
        frame[66] = 0x81;
        return frame;
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

    private static void Chunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFF;
        foreach (var b in (byte[])[.. type, .. data])
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, ~crc);
        output.Write(word);
    }
}
