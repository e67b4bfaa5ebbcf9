using MedPipeline.Onnx;
using System.Runtime.InteropServices;

namespace MedPipeline.Benchmarks.LegacyOnnx;

/// <summary>
/// Finds and loads libonnxruntime.so.1: an explicit path (OnnxRuntime.Configure), then
/// MEDPIPE_ONNXRUNTIME_PATH, then the set-up cache ${MEDPIPE_CACHE:-~/.cache/medpipeline}/onnxruntime-1.23.2/.
/// </summary>
internal static class OrtNativeLibrary
{
    public const string ExpectedVersion = "1.23.2";
    public const string PathVariable = "MEDPIPE_ONNXRUNTIME_PATH";
    public const string CacheVariable = "MEDPIPE_CACHE";
    private const string FileName = "libonnxruntime.so.1";

    public static IReadOnlyList<string> Candidates(string? configuredPath) =>
        Candidates(configuredPath, Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The search order, with the environment passed in so that it can be checked without changing the process's.</summary>
    public static IReadOnlyList<string> Candidates(string? configuredPath, Func<string, string?> environment, string home)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            candidates.Add(configuredPath);
        }

        if (environment(PathVariable) is { Length: > 0 } fromEnvironment)
        {
            candidates.Add(fromEnvironment);
        }

        var cache = environment(CacheVariable) is { Length: > 0 } c ? c : Path.Combine(home, ".cache", "medpipeline");
        candidates.Add(Path.Combine(cache, $"onnxruntime-{ExpectedVersion}", FileName));
        return candidates;
    }

    /// <summary>Loads the first candidate that exists; one that exists but does not load is an error, not skipped.</summary>
    public static (nint Library, string Path) Load(IReadOnlyList<string> candidates)
    {
        var path = candidates.FirstOrDefault(File.Exists)
            ?? throw new OnnxRuntimeException(OrtErrorCode.NoSuchFile,
                $"ONNX Runtime {ExpectedVersion} ({FileName}) was not found; tried: {string.Join(", ", candidates)}. " +
                $"Run infra/setup.sh, or set {PathVariable}.");
        try
        {
            return (NativeLibrary.Load(path), path);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            throw new OnnxRuntimeException(OrtErrorCode.Fail,
                $"'{path}' exists but is not a loadable ONNX Runtime library ({e.Message}). Run infra/setup.sh to restore it.");
        }
    }
}
