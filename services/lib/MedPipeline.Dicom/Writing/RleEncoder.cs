using System.Buffers.Binary;

namespace MedPipeline.Dicom.Writing;

/// <summary>Encodes one frame as RLE Lossless (PS3.5 Annex G): one PackBits segment per sample byte, MSB first.</summary>
public static class RleEncoder
{
    public static byte[] EncodeFrame(ReadOnlySpan<uint> rawSamples, int pixels, int samplesPerPixel, int bytesPerSample)
    {
        var segmentCount = samplesPerPixel * bytesPerSample;
        var segments = new List<byte[]>(segmentCount);
        var plane = new byte[pixels];
        for (var sample = 0; sample < samplesPerPixel; sample++)
        {
            for (var b = 0; b < bytesPerSample; b++)
            {
                var shift = 8 * (bytesPerSample - 1 - b);
                for (var p = 0; p < pixels; p++)
                {
                    plane[p] = (byte)(rawSamples[p * samplesPerPixel + sample] >> shift);
                }

                var packed = Pack(plane);
                segments.Add(packed.Count % 2 == 1 ? [.. packed, 0x80] : [.. packed]);
            }
        }

        var result = new byte[64 + segments.Sum(s => s.Length)];
        BinaryPrimitives.WriteUInt32LittleEndian(result, (uint)segmentCount);
        var offset = 64;
        for (var i = 0; i < segments.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4 + 4 * i), (uint)offset);
            segments[i].CopyTo(result, offset);
            offset += segments[i].Length;
        }

        return result;
    }

    private static List<byte> Pack(ReadOnlySpan<byte> data)
    {
        var output = new List<byte>(data.Length);
        var i = 0;
        while (i < data.Length)
        {
            var run = 1;
            while (i + run < data.Length && run < 128 && data[i + run] == data[i])
            {
                run++;
            }

            if (run >= 3)
            {
                output.Add((byte)(sbyte)(1 - run));
                output.Add(data[i]);
                i += run;
                continue;
            }

            var start = i;
            while (i < data.Length && i - start < 128 && !(i + 2 < data.Length && data[i] == data[i + 1] && data[i] == data[i + 2]))
            {
                i++;
            }

            output.Add((byte)(i - start - 1));
            for (var k = start; k < i; k++)
            {
                output.Add(data[k]);
            }
        }

        return output;
    }
}
