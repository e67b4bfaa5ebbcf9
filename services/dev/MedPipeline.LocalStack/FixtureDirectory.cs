using System.Globalization;

namespace MedPipeline.LocalStack;

/// <summary>Temp directories of fixture services, each with an owner file naming the test process.</summary>
public static class FixtureDirectory
{
    private const string OwnerFile = "owner";

    public static string Create(string service)
    {
        Directory.CreateDirectory(FixtureMarker.Root);
        var path = Path.Combine(FixtureMarker.Root, $"{service}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, OwnerFile), $"{Environment.ProcessId} {Owner.StartTime}");
        return path;
    }

    public static void Delete(string path)
    {
        // Only ever delete below our own root, whatever an environment variable said.
        var full = Path.GetFullPath(path);
        if (!full.StartsWith(FixtureMarker.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return;
        }

        for (var attempt = 0; attempt < 5 && Directory.Exists(full); attempt++)
        {
            try
            {
                Directory.Delete(full, recursive: true);
            }
            catch (IOException)
            {
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>Deletes directories whose owner test process is gone (an aborted run with no live processes).</summary>
    public static void DeleteOrphans()
    {
        if (!Directory.Exists(FixtureMarker.Root))
        {
            return;
        }

        foreach (var directory in Directory.EnumerateDirectories(FixtureMarker.Root))
        {
            var ownerPath = Path.Combine(directory, OwnerFile);
            var parts = File.Exists(ownerPath) ? File.ReadAllText(ownerPath).Split(' ') : [];
            var alive = parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && MarkedProcesses.IsAlive(pid, parts[1]);
            if (!alive)
            {
                Delete(directory);
            }
        }
    }
}
