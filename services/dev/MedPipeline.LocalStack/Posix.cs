using System.Runtime.InteropServices;

namespace MedPipeline.LocalStack;

/// <summary>The two libc calls the fixtures need: signalling a PID and knowing whether we are root.</summary>
public static partial class Posix
{
    public const int SigInt = 2;
    public const int SigQuit = 3;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    public static bool IsRoot => Geteuid() == 0;

    /// <summary>Sends a signal; a PID that is already gone is not an error.</summary>
    public static void Signal(int pid, int signal) => _ = Kill(pid, signal);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint Geteuid();
}
