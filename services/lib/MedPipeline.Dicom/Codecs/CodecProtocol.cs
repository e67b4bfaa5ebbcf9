using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace MedPipeline.Dicom.Codecs;

/// <summary>
/// The pipe protocol between the pool and a codec process. Request: "MPCQ", header length, JSON header
/// (a DICOM frame's attributes, or an image file's format and declared layout), data length, compressed bytes.
/// Response: "MPCR", header length, JSON header (verdict, message, the decoded layout or the typed failure),
/// data length, decoded bytes.
/// </summary>
public static class CodecProtocol
{
    private static readonly byte[] RequestMagic = "MPCQ"u8.ToArray();
    private static readonly byte[] ResponseMagic = "MPCR"u8.ToArray();
    private const int MaxHeaderBytes = 64 * 1024;

    public static async Task WriteRequestAsync(Stream output, CodecRequestHeader header, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await output.WriteAsync(RequestMagic, cancellationToken);
        await WriteBlockAsync(output, JsonSerializer.SerializeToUtf8Bytes(header), cancellationToken);
        await WriteBlockAsync(output, data, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    public static async Task WriteResponseAsync(Stream output, CodecResponseHeader header, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await output.WriteAsync(ResponseMagic, cancellationToken);
        await WriteBlockAsync(output, JsonSerializer.SerializeToUtf8Bytes(header), cancellationToken);
        await WriteBlockAsync(output, data, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    /// <summary>Null at a clean end of stream before a request starts.</summary>
    public static async Task<(CodecRequestHeader Header, byte[] Data)?> ReadRequestAsync(Stream input, long maxData, CancellationToken cancellationToken)
    {
        var magic = new byte[4];
        if (await input.ReadAtLeastAsync(magic, 4, throwOnEndOfStream: false, cancellationToken) < 4)
        {
            return null;
        }

        Expect(magic, RequestMagic);
        var header = JsonSerializer.Deserialize<CodecRequestHeader>(await ReadBlockAsync(input, MaxHeaderBytes, cancellationToken))!;
        return (header, await ReadBlockAsync(input, maxData, cancellationToken));
    }

    public static async Task<(CodecResponseHeader Header, byte[] Data)> ReadResponseAsync(Stream input, long maxData, CancellationToken cancellationToken)
    {
        var magic = new byte[4];
        await input.ReadExactlyAsync(magic, cancellationToken);
        Expect(magic, ResponseMagic);
        var header = JsonSerializer.Deserialize<CodecResponseHeader>(await ReadBlockAsync(input, MaxHeaderBytes, cancellationToken))!;
        return (header, await ReadBlockAsync(input, maxData, cancellationToken));
    }

    private static async Task WriteBlockAsync(Stream output, ReadOnlyMemory<byte> block, CancellationToken cancellationToken)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, block.Length);
        await output.WriteAsync(length, cancellationToken);
        await output.WriteAsync(block, cancellationToken);
    }

    private static async Task<byte[]> ReadBlockAsync(Stream input, long max, CancellationToken cancellationToken)
    {
        var lengthBytes = new byte[4];
        await input.ReadExactlyAsync(lengthBytes, cancellationToken);
        var length = BinaryPrimitives.ReadInt32LittleEndian(lengthBytes);
        if (length < 0 || length > max)
        {
            throw new InvalidDataException($"codec protocol block of {length} bytes (limit {max})");
        }

        var block = new byte[length];
        await input.ReadExactlyAsync(block, cancellationToken);
        return block;
    }

    private static void Expect(byte[] actual, byte[] expected)
    {
        if (!actual.AsSpan().SequenceEqual(expected))
        {
            throw new InvalidDataException($"codec protocol: expected {Encoding.ASCII.GetString(expected)}");
        }
    }
}
