using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MedPipeline.Dicom.Tests;

/// <summary>Hand-built DICOM byte streams in any encoding, including broken ones.</summary>
internal sealed class RawDicom(bool explicitVr = true, bool bigEndian = false)
{
    private readonly MemoryStream _body = new();

    public RawDicom Element(ushort group, ushort element, string vr, byte[] value, uint? length = null)
    {
        U16(group);
        U16(element);
        if (explicitVr)
        {
            _body.Write(Encoding.ASCII.GetBytes(vr));
            if (vr is "OB" or "OW" or "SQ" or "UN" or "UT")
            {
                U16(0);
                U32(length ?? (uint)value.Length);
            }
            else
            {
                U16((ushort)(length ?? (uint)value.Length));
            }
        }
        else
        {
            U32(length ?? (uint)value.Length);
        }

        _body.Write(value);
        return this;
    }

    public RawDicom Text(ushort group, ushort element, string vr, string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text.Length % 2 == 1 ? text + (vr == "UI" ? "\0" : " ") : text);
        return Element(group, element, vr, bytes);
    }

    public RawDicom US(ushort group, ushort element, ushort value)
    {
        var bytes = new byte[2];
        if (bigEndian) BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        else BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return Element(group, element, "US", bytes);
    }

    /// <summary>An item or delimiter header (always 8 bytes, no VR).</summary>
    public RawDicom Item(ushort element, uint length)
    {
        U16(0xFFFE);
        U16(element);
        U32(length);
        return this;
    }

    public RawDicom Raw(byte[] bytes)
    {
        _body.Write(bytes);
        return this;
    }

    public byte[] Body => _body.ToArray();

    /// <summary>Preamble, DICM and a minimal meta group naming <paramref name="transferSyntax"/>, then the body (deflated when asked).</summary>
    public byte[] AsFile(string transferSyntax, bool deflate = false)
    {
        var meta = new RawDicom().Text(0x0002, 0x0010, "UI", transferSyntax).Body;
        using var file = new MemoryStream();
        file.Write(new byte[128]);
        file.Write("DICM"u8);
        file.Write(meta);
        if (deflate)
        {
            using var deflater = new DeflateStream(file, CompressionLevel.Optimal, leaveOpen: true);
            deflater.Write(Body);
        }
        else
        {
            file.Write(Body);
        }

        return file.ToArray();
    }

    /// <summary>A minimal 2×2 16-bit MONOCHROME2 image dataset with the given pixel values.</summary>
    public RawDicom Image(params ushort[] pixels)
    {
        Text(0x0008, 0x0060, "CS", "CT");
        US(0x0028, 0x0002, 1).Text(0x0028, 0x0004, "CS", "MONOCHROME2");
        US(0x0028, 0x0010, 2).US(0x0028, 0x0011, 2).US(0x0028, 0x0100, 16).US(0x0028, 0x0101, 16).US(0x0028, 0x0102, 15).US(0x0028, 0x0103, 0);
        var bytes = new byte[pixels.Length * 2];
        for (var i = 0; i < pixels.Length; i++)
        {
            if (bigEndian) BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(i * 2), pixels[i]);
            else BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), pixels[i]);
        }

        return Element(0x7FE0, 0x0010, "OW", bytes);
    }

    private void U16(ushort v)
    {
        Span<byte> b = stackalloc byte[2];
        if (bigEndian) BinaryPrimitives.WriteUInt16BigEndian(b, v);
        else BinaryPrimitives.WriteUInt16LittleEndian(b, v);
        _body.Write(b);
    }

    private void U32(uint v)
    {
        Span<byte> b = stackalloc byte[4];
        if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(b, v);
        else BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        _body.Write(b);
    }
}
