using System.Buffers.Binary;
using System.Globalization;

namespace MedPipeline.Dicom.Pixels;

/// <summary>
/// Which fragments make up each frame of encapsulated pixel data: one fragment per frame when the
/// counts match, else the Basic Offset Table, else (one frame) all fragments.
/// </summary>
internal static class FrameFragments
{
    public static byte[][] Split(ReadOnlySpan<byte> buffer, Range offsetTable, IReadOnlyList<Range> fragments, int frames, string source)
    {
        if (fragments.Count == 0)
        {
            throw new DicomReadException(source, DicomFailureReason.Inconsistent, "encapsulated pixel data has no fragments");
        }

        if (fragments.Count == frames)
        {
            var single = new byte[frames][];
            for (var i = 0; i < frames; i++)
            {
                single[i] = buffer[fragments[i]].ToArray();
            }

            return single;
        }

        var table = buffer[offsetTable];
        if (table.Length == frames * 4 && frames > 0)
        {
            var itemStarts = fragments.Select(f => f.Start.Value - 8 - (fragments[0].Start.Value - 8)).ToList();
            var result = new byte[frames][];
            for (var frame = 0; frame < frames; frame++)
            {
                var start = (int)BinaryPrimitives.ReadUInt32LittleEndian(table[(frame * 4)..]);
                var end = frame + 1 < frames ? (int)BinaryPrimitives.ReadUInt32LittleEndian(table[((frame + 1) * 4)..]) : int.MaxValue;
                var members = fragments.Where((_, i) => itemStarts[i] >= start && itemStarts[i] < end).ToList();
                if (members.Count == 0 || itemStarts.IndexOf(start) < 0)
                {
                    throw new DicomReadException(source, DicomFailureReason.Inconsistent,
                        string.Create(CultureInfo.InvariantCulture, $"the Basic Offset Table entry {start} of frame {frame + 1} does not start a fragment"));
                }

                result[frame] = Concatenate(buffer, members);
            }

            return result;
        }

        if (frames == 1)
        {
            return [Concatenate(buffer, fragments)];
        }

        throw new DicomReadException(source, DicomFailureReason.Inconsistent,
            string.Create(CultureInfo.InvariantCulture, $"{fragments.Count} fragments for {frames} frames and no usable Basic Offset Table"));
    }

    private static byte[] Concatenate(ReadOnlySpan<byte> buffer, IEnumerable<Range> fragments)
    {
        var parts = fragments.ToList();
        var result = new byte[parts.Sum(p => p.End.Value - p.Start.Value)];
        var at = 0;
        foreach (var part in parts)
        {
            buffer[part].CopyTo(result.AsSpan(at));
            at += part.End.Value - part.Start.Value;
        }

        return result;
    }
}
