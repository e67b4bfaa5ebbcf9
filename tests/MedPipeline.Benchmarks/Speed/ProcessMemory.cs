using System.Globalization;

namespace MedPipeline.Benchmarks.Speed;

/// <summary>Peak resident memory of a process from /proc (Linux), and its reset (writing 5 to clear_refs).</summary>
internal static class ProcessMemory
{
    public static double PeakResidentMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kilobytes / 1024.0;
    }

    public static void ResetPeak(int pid) => File.WriteAllText($"/proc/{pid}/clear_refs", "5");
}
