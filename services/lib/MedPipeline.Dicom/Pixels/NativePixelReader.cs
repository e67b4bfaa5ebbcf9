using System.Buffers.Binary;
using MedPipeline.Imaging;

namespace MedPipeline.Dicom.Pixels;

/// <summary>Uncompressed pixel data to stored values: 8/16/32 bit, either byte order, planar or interleaved, YBR_FULL(_422) to RGB.</summary>
internal static class NativePixelReader
{
    public static void ReadFrame(ReadOnlySpan<byte> frame, PixelLayout layout, bool bigEndian, ImageFrame target)
    {
        var samples = target.Samples;
        if (layout.Photometric == "YBR_FULL_422")
        {
            Read422(frame, layout, bigEndian, samples);
        }
        else
        {
            var perPixel = layout.SamplesPerPixel;
            var planeSize = layout.Pixels;
            for (var p = 0; p < layout.Pixels; p++)
            {
                for (var s = 0; s < perPixel; s++)
                {
                    var source = layout.PlanarConfiguration == 1 && perPixel > 1 ? s * planeSize + p : p * perPixel + s;
                    samples[p * perPixel + s] = layout.StoredValue(Raw(frame, source, layout.BytesPerSample, bigEndian));
                }
            }
        }

        if (layout.Photometric.StartsWith("YBR_FULL", StringComparison.Ordinal))
        {
            YbrToRgb.Convert(samples, layout.BitsStored);
        }
    }

    /// <summary>Y0 Y1 Cb Cr for every two pixels of a row, expanded to Y Cb Cr per pixel.</summary>
    private static void Read422(ReadOnlySpan<byte> frame, PixelLayout layout, bool bigEndian, Span<float> samples)
    {
        var b = layout.BytesPerSample;
        for (var p = 0; p < layout.Pixels; p += 2)
        {
            var group = p / 2 * 4;
            var cb = layout.StoredValue(Raw(frame, group + 2, b, bigEndian));
            var cr = layout.StoredValue(Raw(frame, group + 3, b, bigEndian));
            for (var k = 0; k < 2 && p + k < layout.Pixels; k++)
            {
                samples[(p + k) * 3] = layout.StoredValue(Raw(frame, group + k, b, bigEndian));
                samples[(p + k) * 3 + 1] = cb;
                samples[(p + k) * 3 + 2] = cr;
            }
        }
    }

    private static uint Raw(ReadOnlySpan<byte> data, int index, int bytesPerSample, bool bigEndian) => bytesPerSample switch
    {
        1 => data[index],
        2 => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(data[(index * 2)..]) : BinaryPrimitives.ReadUInt16LittleEndian(data[(index * 2)..]),
        _ => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data[(index * 4)..]) : BinaryPrimitives.ReadUInt32LittleEndian(data[(index * 4)..]),
    };
}
