using System.Diagnostics;

namespace MedPipeline.Benchmarks.Speed;

internal sealed record PeerInput(string Name, string FileName, byte[] Bytes);

/// <summary>The inputs of issue 13's table: pydicom's CT_small (128²), a 512² CT slice, and the same slice as JPEG 2000 (gdcmconv).</summary>
internal static class PeerInputs
{
    public static IReadOnlyList<PeerInput> Create(string root)
    {
        var native = CtSeriesFiles.Slice(512, 7);
        var nativePath = Path.Combine(root, "ct512.dcm");
        File.WriteAllBytes(nativePath, native);
        var j2kPath = Path.Combine(root, "ct512-j2k.dcm");
        using (var gdcmconv = Process.Start("gdcmconv", ["--j2k", nativePath, j2kPath]))
        {
            gdcmconv.WaitForExit();
            if (gdcmconv.ExitCode != 0)
            {
                throw new InvalidOperationException($"gdcmconv --j2k exited with {gdcmconv.ExitCode}");
            }
        }

        return
        [
            new("CT_small (128x128)", "CT_small.dcm", File.ReadAllBytes("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm")),
            new("512x512 CT, native", "ct512.dcm", native),
            new("512x512 CT, JPEG 2000", "ct512-j2k.dcm", File.ReadAllBytes(j2kPath)),
        ];
    }
}
