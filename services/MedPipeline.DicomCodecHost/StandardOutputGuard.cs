using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace MedPipeline.DicomCodecHost;

/// <summary>
/// Keeps the protocol pipe for ourselves: duplicates stdout for the protocol, then points file
/// descriptor 1 at stderr, so anything native code prints cannot corrupt a response.
/// </summary>
internal static partial class StandardOutputGuard
{
    public static Stream TakeProtocolStream()
    {
        var protocol = Dup(1);
        if (protocol < 0 || Dup2(2, 1) < 0)
        {
            throw new InvalidOperationException($"could not separate the protocol pipe from stdout (errno {Marshal.GetLastPInvokeError()})");
        }

        return new FileStream(new SafeFileHandle(protocol, ownsHandle: true), FileAccess.Write, 1 << 16);
    }

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static partial int Dup2(int fd, int fd2);
}
