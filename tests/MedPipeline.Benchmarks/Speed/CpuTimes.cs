using System.Globalization;

namespace MedPipeline.Benchmarks.Speed;

/// <summary>
/// CPU seconds every process on the machine spent between two snapshots (Linux /proc), grouped by what it is:
/// each service by its assembly, the broker, the database, the benchmark itself (a kernel worker by the work it does last). Shows where a run's cores went.
/// </summary>
internal sealed class CpuTimes
{
    private static readonly double TicksPerSecond = 100;
    private readonly Dictionary<int, (string Name, long Ticks)> _start = Snapshot();

    /// <summary>Groups with at least 0.1 s, most first.</summary>
    public IReadOnlyList<(string Name, double Seconds)> Since()
    {
        var now = Snapshot();
        return [.. now.GroupBy(p => p.Value.Name)
            .Select(g => (g.Key, g.Sum(p => p.Value.Ticks - (_start.TryGetValue(p.Key, out var s) ? s.Ticks : 0)) / TicksPerSecond))
            .Where(g => g.Item2 >= 0.1)
            .OrderByDescending(g => g.Item2)];
    }

    public static string Format(IReadOnlyList<(string Name, double Seconds)> times) =>
        string.Join(", ", times.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} {t.Seconds:F1}")));

    private static Dictionary<int, (string Name, long Ticks)> Snapshot()
    {
        var result = new Dictionary<int, (string, long)>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                result[pid] = (NameOf(File.ReadAllText(Path.Combine(folder, "cmdline")), stat), ticks);
            }
            catch (IOException)
            {
                // The process ended between listing and reading.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return result;
    }

    private static string NameOf(string commandLine, string stat)
    {
        var args = commandLine.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        if (args.FirstOrDefault(a => a.EndsWith(".dll", StringComparison.Ordinal) && a.Contains("MedPipeline.", StringComparison.Ordinal)) is { } dll)
        {
            return Path.GetFileNameWithoutExtension(dll).Replace("MedPipeline.", "", StringComparison.Ordinal);
        }

        var command = args.Length > 0 ? Path.GetFileName(args[0]) : stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
        return command switch
        {
            "beam.smp" or "erl_child_setup" or "epmd" or "inet_gethost" => "rabbitmq",
            _ when command.StartsWith("postgres", StringComparison.Ordinal) => "postgres",
            "MedPipeline.Benchmarks" => "benchmark",
            _ => command,
        };
    }
}
