using System.Globalization;
using System.Numerics;

namespace MedPipeline.SampleData;

/// <summary>Fresh UIDs under the UUID root 2.25 (PS3.5 B.2), so every sample series is new to the pipeline.</summary>
public static class DicomUids
{
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[17];
        Guid.NewGuid().TryWriteBytes(bytes[..16]);
        bytes[16] = 0; // unsigned
        return "2.25." + new BigInteger(bytes).ToString(CultureInfo.InvariantCulture);
    }
}
