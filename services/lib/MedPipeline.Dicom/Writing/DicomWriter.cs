using System.Buffers.Binary;
using System.Text;

namespace MedPipeline.Dicom.Writing;

/// <summary>
/// Writes a Part-10 file in explicit VR little endian (native) or RLE Lossless (encapsulated): the
/// preamble, the File Meta Information and the given elements in tag order, values padded to even length.
/// </summary>
public sealed class DicomWriter
{
    private const string ImplementationClassUid = "1.2.826.0.1.3680043.10.1489.1";
    private readonly SortedDictionary<DicomTag, (string Vr, byte[] Value)> _elements = [];
    private IReadOnlyList<byte[]>? _fragments;

    public DicomWriter Text(DicomTag tag, string vr, string value)
    {
        var bytes = Encoding.ASCII.GetBytes(value);
        if (bytes.Length % 2 == 1)
        {
            bytes = [.. bytes, vr == "UI" ? (byte)0 : (byte)' '];
        }

        _elements[tag] = (vr, bytes);
        return this;
    }

    public DicomWriter UInt16(DicomTag tag, int value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, checked((ushort)value));
        _elements[tag] = ("US", bytes);
        return this;
    }

    public DicomWriter Bytes(DicomTag tag, string vr, byte[] value)
    {
        _elements[tag] = (vr, value.Length % 2 == 1 ? [.. value, 0] : value);
        return this;
    }

    /// <summary>A sequence of explicit length: each item is the given writer's elements, in tag order.</summary>
    public DicomWriter Sequence(DicomTag tag, IEnumerable<DicomWriter> items)
    {
        using var value = new MemoryStream();
        foreach (var item in items)
        {
            using var body = new MemoryStream();
            item.WriteElements(body);
            WriteItem(value, DicomTag.Item, body.ToArray());
        }

        _elements[tag] = ("SQ", value.ToArray());
        return this;
    }

    /// <summary>Encapsulated pixel data: an empty Basic Offset Table, then one fragment per frame.</summary>
    public DicomWriter Fragments(IReadOnlyList<byte[]> frames)
    {
        _fragments = frames;
        return this;
    }

    public byte[] ToBytes(string transferSyntaxUid)
    {
        var sopClass = Encoding.ASCII.GetString(_elements.GetValueOrDefault(DicomTag.SopClassUid).Value ?? []).TrimEnd('\0');
        var sopInstance = Encoding.ASCII.GetString(_elements.GetValueOrDefault(DicomTag.SopInstanceUid).Value ?? []).TrimEnd('\0');
        var meta = new DicomWriter()
            .Bytes(new DicomTag(0x0002, 0x0001), "OB", [0, 1])
            .Text(new DicomTag(0x0002, 0x0002), "UI", sopClass)
            .Text(new DicomTag(0x0002, 0x0003), "UI", sopInstance)
            .Text(DicomTag.TransferSyntaxUid, "UI", transferSyntaxUid)
            .Text(new DicomTag(0x0002, 0x0012), "UI", ImplementationClassUid);
        using var metaBody = new MemoryStream();
        meta.WriteElements(metaBody);

        using var output = new MemoryStream();
        output.Write(new byte[128]);
        output.Write("DICM"u8);
        var groupLength = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(groupLength, (uint)metaBody.Length);
        WriteElement(output, new DicomTag(0x0002, 0x0000), "UL", groupLength);
        metaBody.WriteTo(output);
        WriteElements(output);
        if (_fragments is not null)
        {
            WriteEncapsulated(output, _fragments);
        }

        return output.ToArray();
    }

    private void WriteElements(Stream output)
    {
        foreach (var (tag, (vr, value)) in _elements)
        {
            WriteElement(output, tag, vr, value);
        }
    }

    private static void WriteElement(Stream output, DicomTag tag, string vr, byte[] value)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(header, tag.Group);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], tag.Element);
        Encoding.ASCII.GetBytes(vr, header[4..]);
        if (vr is "OB" or "OW" or "SQ" or "UN" or "UT" or "OF")
        {
            header[6] = header[7] = 0;
            BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)value.Length);
            output.Write(header);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], checked((ushort)value.Length));
            output.Write(header[..8]);
        }

        output.Write(value);
    }

    private static void WriteEncapsulated(Stream output, IReadOnlyList<byte[]> fragments)
    {
        WriteElement(output, DicomTag.PixelData, "OB", []);
        output.Position -= 4;
        output.Write([0xFF, 0xFF, 0xFF, 0xFF]);
        WriteItem(output, DicomTag.Item, []);
        foreach (var fragment in fragments)
        {
            WriteItem(output, DicomTag.Item, fragment.Length % 2 == 1 ? [.. fragment, 0] : fragment);
        }

        WriteItem(output, DicomTag.SequenceDelimitation, []);
    }

    private static void WriteItem(Stream output, DicomTag tag, byte[] value)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(header, tag.Group);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], tag.Element);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)value.Length);
        output.Write(header);
        output.Write(value);
    }
}
