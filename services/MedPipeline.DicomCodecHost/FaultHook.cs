using System.Runtime.InteropServices;

namespace MedPipeline.DicomCodecHost;

/// <summary>
/// Test-only misbehaviour, to prove the pool survives a codec that hangs or aborts. Active only when
/// the environment variable MEDPIPE_CODEC_TEST_FAULT is set, which the pool never does on its own.
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

    [LibraryImport("libc", EntryPoint = "abort")]
    private static partial void Abort();
}
