using System.Buffers.Binary;
using System.Globalization;
using MedPipeline.Imaging;

namespace MedPipeline.Dicom.Pixels;

/// <summary>
/// RLE Lossless (PS3.5 Annex G): a 64-byte header of segment offsets, then one PackBits segment per
/// byte of each sample, most significant byte first. Every offset and every segment's decoded size
/// is checked; a short segment is an error, never zero-filled pixels.
/// </summary>
internal static class RleDecoder
{
    private const int HeaderBytes = 64;

    public static void DecodeFrame(ReadOnlySpan<byte> data, PixelLayout layout, string source, ImageFrame target)
    {
        DicomReadException Failed(string detail) => new(source, DicomFailureReason.DecoderFailed, $"RLE: {detail}");
        if (data.Length < HeaderBytes)
        {
            throw Failed(string.Create(CultureInfo.InvariantCulture, $"the frame has {data.Length} bytes, less than its 64-byte header"));
        }

        var segments = BinaryPrimitives.ReadUInt32LittleEndian(data);
        var expected = layout.SamplesPerPixel * layout.BytesPerSample;
        if (segments != expected)
        {
            throw Failed(string.Create(CultureInfo.InvariantCulture, $"{segments} segments, but {layout.SamplesPerPixel} sample(s) of {layout.BitsAllocated} bits need {expected}"));
        }

        var offsets = new int[expected + 1];
        for (var i = 0; i < expected; i++)
        {
            var offset = BinaryPrimitives.ReadUInt32LittleEndian(data[(4 + 4 * i)..]);
            if (offset < HeaderBytes || offset >= data.Length || (i > 0 && offset <= offsets[i - 1]))
            {
                throw Failed(string.Create(CultureInfo.InvariantCulture, $"segment {i + 1} starts at byte {offset}, outside the frame of {data.Length} bytes or before the previous segment"));
            }

            offsets[i] = (int)offset;
        }

        offsets[expected] = data.Length;
        var decoded = new byte[layout.Pixels];
        var raw = new uint[layout.Pixels * layout.SamplesPerPixel];
        for (var segment = 0; segment < expected; segment++)
        {
            var length = Unpack(data[offsets[segment]..offsets[segment + 1]], decoded);
            if (length < decoded.Length)
            {
                throw Failed(string.Create(CultureInfo.InvariantCulture, $"segment {segment + 1} decodes to {length} of {decoded.Length} bytes"));
            }

            var sample = segment / layout.BytesPerSample;
            var shift = 8 * (layout.BytesPerSample - 1 - segment % layout.BytesPerSample);
            for (var p = 0; p < decoded.Length; p++)
            {
                raw[p * layout.SamplesPerPixel + sample] |= (uint)decoded[p] << shift;
            }
        }

        var samples = target.Samples;
        for (var i = 0; i < raw.Length; i++)
        {
            samples[i] = layout.StoredValue(raw[i]);
        }

        if (layout.Photometric.StartsWith("YBR_FULL", StringComparison.Ordinal))
        {
            YbrToRgb.Convert(samples, layout.BitsStored);
        }
    }

    /// <summary>PackBits: n in 0..127 copies n+1 bytes, n in -127..-1 repeats the next byte 1-n times, -128 is a no-op.</summary>
    internal static int Unpack(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int i = 0, o = 0;
        while (i < input.Length && o < output.Length)
        {
            var n = (sbyte)input[i++];
            if (n >= 0)
            {
                var count = Math.Min(n + 1, Math.Min(input.Length - i, output.Length - o));
                input.Slice(i, count).CopyTo(output[o..]);
                i += n + 1;
                o += count;
            }
            else if (n != -128 && i < input.Length)
            {
                var count = Math.Min(1 - n, output.Length - o);
                output.Slice(o, count).Fill(input[i++]);
                o += count;
            }
        }

        return o;
    }
}
