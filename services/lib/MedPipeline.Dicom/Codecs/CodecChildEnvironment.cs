using System.Diagnostics;
using System.Globalization;

namespace MedPipeline.Dicom.Codecs;

/// <summary>
/// What a codec child gets instead of its parent's environment: only what `dotnet` needs to run, and a private
/// temporary folder (0700) as HOME and TMPDIR. The parent holds broker, database and callback secrets in its
/// environment; a child that parses hostile pixel data must not be able to read them. The folder is removed with
/// the child.
/// </summary>
internal sealed class CodecChildEnvironment : IDisposable
{
    /// <summary>Inherited as they are: how to find and run the dotnet host, nothing else.</summary>
    private static readonly string[] Inherited = ["PATH", "DOTNET_ROOT", "DOTNET_ROOT_X64", "DOTNET_ROOT_ARM64"];

    private CodecChildEnvironment(string folder) => Folder = folder;

    /// <summary>The child's private HOME and TMPDIR.</summary>
    public string Folder { get; }

    public static CodecChildEnvironment Apply(ProcessStartInfo info, CodecPoolOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("medpipe-codec-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var parent = info.Environment.ToDictionary(StringComparer.Ordinal);
        info.Environment.Clear();
        foreach (var name in Inherited)
        {
            if (parent.GetValueOrDefault(name) is { Length: > 0 } value)
            {
                info.Environment[name] = value;
            }
        }

        info.Environment["HOME"] = folder;
        info.Environment["TMPDIR"] = folder;
        info.Environment["LANG"] = "C";
        info.Environment["LC_ALL"] = "C";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var existing = parent.GetValueOrDefault("LD_LIBRARY_PATH");
        info.Environment["LD_LIBRARY_PATH"] = string.IsNullOrEmpty(existing) ? options.GdcmLibraryPath : $"{options.GdcmLibraryPath}:{existing}";
        // Keeps the managed heap well inside the worker's limit; native memory is watched by the worker.
        info.Environment["DOTNET_GCHeapHardLimit"] = (options.MemoryLimitMegabytes * 1024L * 1024 / 2).ToString("X", CultureInfo.InvariantCulture);
        foreach (var (key, value) in options.WorkerEnvironment)
        {
            info.Environment[key] = value;
        }

        return new CodecChildEnvironment(folder);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already removed.
        }
    }
}
