using System.Buffers;
using System.IO.Compression;
using MedPipeline.Dicom.Parsing;

namespace MedPipeline.Dicom;

/// <summary>
/// Reads DICOM Part-10 files (and raw data sets without a preamble, their encoding inferred): implicit and explicit
/// VR little endian, explicit big endian, deflated explicit little endian, and any encapsulated
/// syntax. Every failure is a <see cref="DicomReadException"/> naming the file and the reason.
/// </summary>
public static class DicomFile
{
    public static async Task<DicomDataset> ReadAsync(string path, DicomReadLimits? limits = null, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return await ReadAsync(stream, Path.GetFileName(path), limits, cancellationToken);
    }

    public static async Task<DicomDataset> ReadAsync(Stream stream, string source, DicomReadLimits? limits = null, CancellationToken cancellationToken = default)
    {
        limits ??= DicomReadLimits.Default;
        if (KnownLength(stream, limits) is { } length)
        {
            // A file of known size is read into one array of that size, not grown through copies.
            var bytes = new byte[length];
            await stream.ReadExactlyAsync(bytes, cancellationToken);
            return Read(bytes, source, limits);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > Math.Min(limits.MaxFileBytes, Array.MaxLength))
            {
                throw new DicomReadException(source, DicomFailureReason.TooLarge, $"the file is larger than {limits.MaxFileBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), source, limits);
    }

    /// <summary>
    /// What an image file's header says and where its pixel data lies, without keeping the file: a stream of known size is
    /// read into a pooled buffer that goes back once parsed (the answer holds no reference to it), so a series of large
    /// slices does not leave each file's bytes to the garbage collector.
    /// </summary>
    public static async Task<(DicomImageInfo Info, PixelDataLocation? PixelData)> ReadImageHeaderAsync(Stream stream, string source,
        DicomReadLimits? limits = null, CancellationToken cancellationToken = default)
    {
        limits ??= DicomReadLimits.Default;
        if (KnownLength(stream, limits) is not { } length)
        {
            var read = await ReadAsync(stream, source, limits, cancellationToken);
            return (read.Image, read.PixelDataLocation);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            await stream.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken);
            var dataset = Read(buffer.AsMemory(0, length), source, limits);
            return (dataset.Image, dataset.PixelDataLocation);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The bytes left in a seekable stream when they fit one buffer within the limits; null when unknown or too many.</summary>
    private static int? KnownLength(Stream stream, DicomReadLimits limits) =>
        stream.CanSeek && stream.Length - stream.Position <= Math.Min(limits.MaxFileBytes, Array.MaxLength) ? (int)(stream.Length - stream.Position) : null;

    public static DicomDataset Read(ReadOnlyMemory<byte> bytes, string source, DicomReadLimits? limits = null)
    {
        limits ??= DicomReadLimits.Default;
        if (bytes.Length > limits.MaxFileBytes)
        {
            throw new DicomReadException(source, DicomFailureReason.TooLarge, $"the file is larger than {limits.MaxFileBytes} bytes");
        }

        var position = StartOf(bytes.Span, source);
        var metaParser = new DicomParser(bytes, source, limits, explicitVr: true, bigEndian: false);
        var meta = position == 132 || LooksLikeMeta(bytes.Span) ? metaParser.ParseTopLevel(ref position, onlyGroup: 0x0002) : [];
        var syntax = meta.TryGetValue(DicomTag.TransferSyntaxUid, out var element)
            ? Declared(System.Text.Encoding.ASCII.GetString(bytes.Span.Slice(element.Offset, element.Length)).Trim(' ', '\0'), source)
            : RawDatasetEncoding.Infer(bytes.Span[position..], source);

        var dataset = bytes;
        if (syntax.Deflated)
        {
            dataset = Inflate(bytes[position..], source, limits);
            position = 0;
        }

        // Some writers declare explicit VR but write implicit VR; like pydicom, trust the bytes of the first element.
        var explicitVr = syntax.ExplicitVr && !(dataset.Length >= position + 6 && dataset.Span[position] != 0xFE
            && !ValueRepresentation.IsValid(dataset.Span[position + 4], dataset.Span[position + 5]));
        var parser = new DicomParser(dataset, source, limits, explicitVr, syntax.BigEndian);
        var elements = parser.ParseTopLevel(ref position);
        if (elements.Count == 0 && meta.Count == 0)
        {
            throw new DicomReadException(source, DicomFailureReason.NotDicom, "no DICOM elements were found");
        }

        return new DicomDataset(source, dataset, elements, syntax);
    }

    /// <summary>
    /// Whether the first 132 bytes (or fewer) open a DICOM stream: the DICM prefix at byte 128, or a raw data set's
    /// first element at byte 0. Lets a caller refuse a non-DICOM file before it has stored all of it.
    /// </summary>
    public static bool StartsLikeDicom(ReadOnlySpan<byte> prefix) =>
        (prefix.Length >= 132 && prefix.Slice(128, 4).SequenceEqual("DICM"u8)) || RawDatasetEncoding.StartsADataset(prefix);

    private static int StartOf(ReadOnlySpan<byte> bytes, string source)
    {
        if (bytes.Length >= 132 && bytes.Slice(128, 4).SequenceEqual("DICM"u8))
        {
            return 132;
        }

        // No preamble: accept only what clearly starts a DICOM stream (a meta, identifying or patient group element).
        if (RawDatasetEncoding.StartsADataset(bytes))
        {
            return 0;
        }

        throw new DicomReadException(source, DicomFailureReason.NotDicom,
            bytes.Length < 132 ? $"{bytes.Length} bytes, too short for a DICOM file" : "no DICM prefix at byte 128, nor a raw data set's first element at byte 0");
    }

    private static TransferSyntax Declared(string uid, string source) => TransferSyntax.Parse(uid)
        ?? throw new DicomReadException(source, DicomFailureReason.UnsupportedTransferSyntax, $"transfer syntax '{uid}' is not a DICOM transfer syntax we can parse");

    private static bool LooksLikeMeta(ReadOnlySpan<byte> bytes) => bytes.Length >= 8 && bytes[0] == 0x02 && bytes[1] == 0;

    /// <summary>
    /// Inflates in two passes: the first only counts (so a deflate bomb is refused at the cap without holding any of it),
    /// the second fills one exactly sized array (no doubling buffers left behind for the GC).
    /// </summary>
    private static ReadOnlyMemory<byte> Inflate(ReadOnlyMemory<byte> compressed, string source, DicomReadLimits limits)
    {
        try
        {
            var body = compressed.ToArray();
            var cap = Math.Min(limits.MaxInflatedBytes, Array.MaxLength);
            long length = 0;
            using (var counting = new DeflateStream(new MemoryStream(body), CompressionMode.Decompress))
            {
                var chunk = new byte[81920];
                int read;
                while ((read = counting.Read(chunk)) > 0)
                {
                    length += read;
                    if (length > cap)
                    {
                        throw new DicomReadException(source, DicomFailureReason.TooLarge, $"the deflated dataset inflates past {limits.MaxInflatedBytes} bytes");
                    }
                }
            }

            var inflated = new byte[length];
            using var deflate = new DeflateStream(new MemoryStream(body), CompressionMode.Decompress);
            deflate.ReadExactly(inflated);
            return inflated;
        }
        catch (InvalidDataException e)
        {
            throw new DicomReadException(source, DicomFailureReason.Truncated, $"the deflated dataset is corrupt: {e.Message}");
        }
    }
}
