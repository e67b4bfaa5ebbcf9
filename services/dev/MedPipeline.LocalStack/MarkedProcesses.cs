using System.Globalization;

namespace MedPipeline.LocalStack;

/// <summary>Finds, by the <see cref="FixtureMarker"/> variables in /proc/PID/environ, and stops fixture processes.</summary>
public static class MarkedProcesses
{
    public static IReadOnlyList<MarkedProcess> FindAll()
    {
        var found = new List<MarkedProcess>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            var environment = ReadEnvironment(pid);
            if (environment.TryGetValue(FixtureMarker.TokenVariable, out var token))
            {
                found.Add(new MarkedProcess(
                    pid,
                    token,
                    ParseInt(environment.GetValueOrDefault(FixtureMarker.OwnerVariable)),
                    environment.GetValueOrDefault(FixtureMarker.OwnerStartVariable) ?? "",
                    environment.GetValueOrDefault(FixtureMarker.DirectoryVariable)));
            }
        }

        return found;
    }

    /// <summary>The kernel's start time of a process (clock ticks since boot), or null when it is gone.</summary>
    public static string? StartTimeOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Field 2 (comm) may contain spaces and parentheses: count fields after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[19];
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static bool IsAlive(int pid, string startTime) => pid > 0 && StartTimeOf(pid) == startTime;

    /// <summary>SIGTERM every process carrying the token, then SIGKILL what is still there after the grace period.</summary>
    public static async Task StopAsync(string token, TimeSpan grace)
    {
        var targets = FindAll().Where(p => p.Token == token).ToList();
        foreach (var process in targets)
        {
            Posix.Signal(process.Pid, Posix.SigTerm);
        }

        var deadline = DateTime.UtcNow + grace;
        while (DateTime.UtcNow < deadline && FindAll().Any(p => p.Token == token))
        {
            await Task.Delay(100);
        }

        foreach (var process in FindAll().Where(p => p.Token == token))
        {
            Posix.Signal(process.Pid, Posix.SigKill);
        }
    }

    /// <summary>Stops the services of test runs that died without tearing down, and deletes their files.</summary>
    public static async Task<int> StopStaleAsync()
    {
        var stale = FindAll().Where(p => !IsAlive(p.OwnerPid, p.OwnerStart)).ToList();
        foreach (var token in stale.Select(p => p.Token).Distinct())
        {
            await StopAsync(token, TimeSpan.FromSeconds(5));
        }

        foreach (var directory in stale.Select(p => p.Directory).OfType<string>().Distinct())
        {
            FixtureDirectory.Delete(directory);
        }

        FixtureDirectory.DeleteOrphans();
        return stale.Count;
    }

    private static Dictionary<string, string> ReadEnvironment(int pid)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string raw;
        try
        {
            raw = File.ReadAllText($"/proc/{pid}/environ");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return result;
        }

        foreach (var entry in raw.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && entry.StartsWith("MEDPIPE_FIXTURE_", StringComparison.Ordinal))
            {
                result[entry[..equals]] = entry[(equals + 1)..];
            }
        }

        return result;
    }

    private static int ParseInt(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
}
