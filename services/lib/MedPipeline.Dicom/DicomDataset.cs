using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using MedPipeline.Dicom.Parsing;

namespace MedPipeline.Dicom;

/// <summary>A parsed DICOM object: its top-level elements over the file's bytes, and typed access to the values we use.</summary>
public sealed class DicomDataset
{
    private readonly Dictionary<DicomTag, DicomElement> _elements;
    private DicomImageInfo? _image;

    internal DicomDataset(string source, ReadOnlyMemory<byte> buffer, Dictionary<DicomTag, DicomElement> elements, TransferSyntax transferSyntax)
    {
        Source = source;
        Buffer = buffer;
        _elements = elements;
        TransferSyntax = transferSyntax;
    }

    /// <summary>The file name, for messages.</summary>
    public string Source { get; }

    public TransferSyntax TransferSyntax { get; }

    public DicomImageInfo Image => _image ??= DicomImageInfo.From(this);

    internal ReadOnlyMemory<byte> Buffer { get; }

    internal DicomElement? PixelData => _elements.GetValueOrDefault(DicomTag.PixelData);

    /// <summary>
    /// Where the pixel data lies in the file's bytes; null without pixel data, and for deflated files, whose
    /// offsets point into the inflated dataset rather than the file.
    /// </summary>
    public PixelDataLocation? PixelDataLocation => PixelData is not { } p || TransferSyntax.Deflated
        ? null
        : new PixelDataLocation(p.Offset, p.Length, p.Fragments?.Select(f => new ByteRange(f.Start.Value, f.End.Value - f.Start.Value)).ToList());

    public bool Contains(DicomTag tag) => _elements.ContainsKey(tag);

    /// <summary>
    /// The value's bytes as stored: to copy a text attribute unchanged, whatever its character set (the caller knows
    /// its VR; an implicit-VR file does not say it). Null when absent or encapsulated.
    /// </summary>
    public ReadOnlyMemory<byte>? GetRaw(DicomTag tag) =>
        _elements.TryGetValue(tag, out var element) && element.Fragments is null ? Buffer.Slice(element.Offset, element.Length) : null;

    /// <summary>The value as text, trailing spaces and NULs trimmed (leading spaces too, as DICOM allows them in numbers); null when absent or empty.</summary>
    public string? GetString(DicomTag tag)
    {
        if (!_elements.TryGetValue(tag, out var element) || element.Fragments is not null)
        {
            return null;
        }

        var text = Encoding.Latin1.GetString(Buffer.Span.Slice(element.Offset, element.Length)).Trim(' ', '\0');
        return text.Length == 0 ? null : text;
    }

    /// <summary>Multi-valued text split on backslash, each value trimmed.</summary>
    public IReadOnlyList<string> GetStrings(DicomTag tag) =>
        GetString(tag)?.Split('\\').Select(v => v.Trim(' ', '\0')).ToArray() ?? [];

    public ushort? GetUInt16(DicomTag tag)
    {
        if (!_elements.TryGetValue(tag, out var element) || element.Length < 2)
        {
            return null;
        }

        var bytes = Buffer.Span.Slice(element.Offset, 2);
        return TransferSyntax.BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);
    }

    /// <summary>The first value of an IS element; throws Inconsistent when it is not an integer.</summary>
    public int? GetInt(DicomTag tag)
    {
        var first = GetStrings(tag).FirstOrDefault(v => v.Length > 0);
        return first is null ? null
            : int.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
            : throw new DicomReadException(Source, DicomFailureReason.Inconsistent, $"{tag} is '{first}', not an integer");
    }

    /// <summary>All values of a DS element; throws Inconsistent when one is not a number.</summary>
    public double[]? GetDoubles(DicomTag tag)
    {
        var values = GetStrings(tag);
        if (values.Count == 0)
        {
            return null;
        }

        return [.. values.Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            ? d
            : throw new DicomReadException(Source, DicomFailureReason.Inconsistent, $"{tag} has '{v}', not a decimal number"))];
    }

    public double? GetDouble(DicomTag tag) => GetDoubles(tag)?[0];
}
