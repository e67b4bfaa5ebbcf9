using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace MedPipeline.Dicom.Parsing;

/// <summary>
/// Walks a DICOM dataset's whole structure: every element, sequence and item, checking every length
/// against the bytes present, the nesting depth and the element count. Keeps the top-level elements
/// (nested values are validated, not kept); encapsulated pixel data keeps its fragment positions.
/// </summary>
internal sealed class DicomParser
{
    private const uint Undefined = 0xFFFFFFFF;
    private readonly ReadOnlyMemory<byte> _data;
    private readonly string _source;
    private readonly DicomReadLimits _limits;
    private readonly bool _explicitVr;
    private readonly bool _bigEndian;
    private int _elements;

    public DicomParser(ReadOnlyMemory<byte> data, string source, DicomReadLimits limits, bool explicitVr, bool bigEndian)
    {
        _data = data;
        _source = source;
        _limits = limits;
        _explicitVr = explicitVr;
        _bigEndian = bigEndian;
    }

    /// <summary>Parses top-level elements from <paramref name="position"/>; with <paramref name="onlyGroup"/>, stops before the first element of another group.</summary>
    public Dictionary<DicomTag, DicomElement> ParseTopLevel(ref int position, ushort? onlyGroup = null)
    {
        var elements = new Dictionary<DicomTag, DicomElement>();
        var span = _data.Span;
        while (position < span.Length)
        {
            if (onlyGroup is { } group && (span.Length - position < 2 || ReadUInt16(span, position) != group))
            {
                break;
            }

            var element = ReadElement(ref position, depth: 0);
            elements.TryAdd(element.Tag, element);
        }

        return elements;
    }

    private DicomElement ReadElement(ref int position, int depth)
    {
        var span = _data.Span;
        if (++_elements > _limits.MaxElements)
        {
            throw Error(DicomFailureReason.TooLarge, $"more than {_limits.MaxElements} elements");
        }

        Need(position, 8, "an element header");
        var tag = new DicomTag(ReadUInt16(span, position), ReadUInt16(span, position + 2));
        string vr;
        uint length;
        if (_explicitVr && tag.Group != 0xFFFE)
        {
            if (!ValueRepresentation.IsValid(span[position + 4], span[position + 5]))
            {
                throw Error(DicomFailureReason.Inconsistent, $"element {tag} at byte {position} has no valid VR");
            }

            vr = Encoding.ASCII.GetString(span.Slice(position + 4, 2));
            if (ValueRepresentation.HasLongLength(vr))
            {
                Need(position, 12, $"the header of {tag}");
                length = ReadUInt32(span, position + 8);
                position += 12;
            }
            else
            {
                length = ReadUInt16(span, position + 6);
                position += 8;
            }
        }
        else
        {
            vr = ValueRepresentation.Implicit(tag);
            length = ReadUInt32(span, position + 4);
            position += 8;
        }

        if (tag == DicomTag.PixelData && length == Undefined)
        {
            var (offsetTable, fragments) = ReadFragments(ref position);
            return new DicomElement(tag, vr, offsetTable.Start.Value, offsetTable.End.Value - offsetTable.Start.Value, fragments);
        }

        if (length == Undefined || vr == "SQ")
        {
            if (length == Undefined && vr is not ("SQ" or "UN" or "OB" or "OW"))
            {
                throw Error(DicomFailureReason.Inconsistent, $"element {tag} ({vr}) has an undefined length");
            }

            ReadSequence(ref position, length, depth + 1, tag);
            return new DicomElement(tag, "SQ", position, 0);
        }

        Need(position, length, $"the value of {tag}");
        var element = new DicomElement(tag, vr, position, (int)length);
        position += (int)length;
        return element;
    }

    private void ReadSequence(ref int position, uint length, int depth, DicomTag tag)
    {
        if (depth > _limits.MaxDepth)
        {
            throw Error(DicomFailureReason.TooLarge, $"sequences nested deeper than {_limits.MaxDepth} (at {tag})");
        }

        var span = _data.Span;
        var end = length == Undefined ? int.MaxValue : EndOf(position, length, tag);
        while (position < end)
        {
            Need(position, 8, $"an item of sequence {tag}");
            var itemTag = new DicomTag(ReadUInt16(span, position), ReadUInt16(span, position + 2));
            var itemLength = ReadUInt32(span, position + 4);
            position += 8;
            if (itemTag == DicomTag.SequenceDelimitation && length == Undefined)
            {
                return;
            }

            if (itemTag != DicomTag.Item)
            {
                throw Error(DicomFailureReason.Inconsistent, $"sequence {tag} holds {itemTag} where an item was expected");
            }

            var itemEnd = itemLength == Undefined ? int.MaxValue : EndOf(position, itemLength, tag);
            while (position < itemEnd)
            {
                Need(position, 8, $"an element in sequence {tag}");
                if (itemLength == Undefined && ReadUInt16(span, position) == 0xFFFE && ReadUInt16(span, position + 2) == 0xE00D)
                {
                    position += 8;
                    break;
                }

                ReadElement(ref position, depth);
            }

            if (itemLength != Undefined && position != itemEnd)
            {
                throw Error(DicomFailureReason.Inconsistent, $"an item of {tag} overruns its length");
            }
        }

        if (length != Undefined && position != end)
        {
            throw Error(DicomFailureReason.Inconsistent, $"sequence {tag} overruns its length");
        }
    }

    /// <summary>The Basic Offset Table item (possibly empty) and the fragments after it.</summary>
    private (Range OffsetTable, List<Range> Fragments) ReadFragments(ref int position)
    {
        var span = _data.Span;
        var fragments = new List<Range>();
        Range? offsetTable = null;
        while (true)
        {
            Need(position, 8, "a pixel data fragment");
            var tag = new DicomTag(ReadUInt16(span, position), ReadUInt16(span, position + 2));
            var length = ReadUInt32(span, position + 4);
            position += 8;
            if (tag == DicomTag.SequenceDelimitation)
            {
                return offsetTable is { } table
                    ? (table, fragments)
                    : throw Error(DicomFailureReason.Inconsistent, "encapsulated pixel data has no Basic Offset Table item");
            }

            if (tag != DicomTag.Item || length == Undefined)
            {
                throw Error(DicomFailureReason.Inconsistent, $"encapsulated pixel data holds {tag} where a fragment item was expected");
            }

            Need(position, length, "a pixel data fragment");
            var range = new Range(position, position + (int)length);
            if (offsetTable is null)
            {
                offsetTable = range;
            }
            else
            {
                fragments.Add(range);
            }

            position += (int)length;
        }
    }

    private int EndOf(int position, uint length, DicomTag tag)
    {
        Need(position, length, $"sequence {tag}");
        return position + (int)length;
    }

    private void Need(int position, uint count, string what)
    {
        if ((long)position + count > _data.Length)
        {
            throw Error(DicomFailureReason.Truncated,
                string.Create(CultureInfo.InvariantCulture, $"the file ends at byte {_data.Length} inside {what} (needs {count} bytes from {position})"));
        }
    }

    private ushort ReadUInt16(ReadOnlySpan<byte> span, int at) =>
        _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span[at..]) : BinaryPrimitives.ReadUInt16LittleEndian(span[at..]);

    private uint ReadUInt32(ReadOnlySpan<byte> span, int at) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span[at..]) : BinaryPrimitives.ReadUInt32LittleEndian(span[at..]);

    private DicomReadException Error(DicomFailureReason reason, string detail) => new(_source, reason, detail);
}
