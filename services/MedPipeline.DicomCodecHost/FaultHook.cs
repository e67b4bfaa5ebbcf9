using System.Runtime.InteropServices;
using MedPipeline.Dicom.Codecs;

namespace MedPipeline.DicomCodecHost;

/// <summary>
/// Test-only misbehaviour, to prove the pool survives a codec that hangs or aborts, and that the parent refuses
/// an answer that does not fit its request. Active only when the environment variable MEDPIPE_CODEC_TEST_FAULT
/// is set, which the pool never does on its own.
/// </summary>
internal static partial class FaultHook
{
    public static void BeforeDecode()
    {
        switch (Environment.GetEnvironmentVariable("MEDPIPE_CODEC_TEST_FAULT"))
        {
            case "hang":
                Thread.Sleep(Timeout.Infinite);
                break;
            case "abort":
                // What GDCM's compiled-in assertions do.
                Abort();
                break;
            case "allocate":
                var hog = new List<byte[]>();
                while (true)
                {
                    var block = new byte[64 << 20];
                    Array.Fill(block, (byte)1);
                    hog.Add(block);
                }
        }
    }

    /// <summary>A compromised decoder's answer: an image wider than the request's, or one byte short.</summary>
    public static (CodecResponseHeader Header, byte[] Samples) Distort(CodecResponseHeader header, byte[] samples) =>
        Environment.GetEnvironmentVariable("MEDPIPE_CODEC_TEST_FAULT") switch
        {
            "wrong-layout" when header.Image is { } layout => (header with { Image = layout with { Width = layout.Width + 1 } }, samples),
            "short-samples" => (header, samples[..^1]),
            _ => (header, samples),
        };

    [LibraryImport("libc", EntryPoint = "abort")]
    private static partial void Abort();
}
