namespace MedPipeline.LocalStack;

/// <summary>The current test process, as the marker variables name it.</summary>
internal static class Owner
{
    public static string StartTime { get; } =
        MarkedProcesses.StartTimeOf(Environment.ProcessId) ?? throw new InvalidOperationException("/proc is not readable.");
}
