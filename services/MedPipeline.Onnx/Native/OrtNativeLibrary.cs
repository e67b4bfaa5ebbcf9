using System.Runtime.InteropServices;

namespace MedPipeline.Onnx.Native;

/// <summary>
/// Finds and loads libonnxruntime.so.1: an explicit path (<see cref="OnnxRuntime.Configure"/>), then
/// MEDPIPE_ONNXRUNTIME_PATH, then the set-up cache ${MEDPIPE_CACHE:-~/.cache/medpipeline}/onnxruntime-1.23.2/.
/// </summary>
internal static class OrtNativeLibrary
{
    public const string ExpectedVersion = "1.23.2";
    public const string PathVariable = "MEDPIPE_ONNXRUNTIME_PATH";
    private const string FileName = "libonnxruntime.so.1";

    public static IReadOnlyList<string> Candidates(string? configuredPath)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            candidates.Add(configuredPath);
        }

        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } fromEnvironment)
        {
            candidates.Add(fromEnvironment);
        }

        var cache = Environment.GetEnvironmentVariable("MEDPIPE_CACHE") is { Length: > 0 } c
            ? c
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "medpipeline");
        candidates.Add(Path.Combine(cache, $"onnxruntime-{ExpectedVersion}", FileName));
        return candidates;
    }

    public static nint Load(string? configuredPath)
    {
        var candidates = Candidates(configuredPath);
        foreach (var candidate in candidates.Where(File.Exists))
        {
            return NativeLibrary.Load(candidate);
        }

        throw new OnnxRuntimeException(OrtErrorCode.NoSuchFile,
            $"ONNX Runtime {ExpectedVersion} ({FileName}) was not found; tried: {string.Join(", ", candidates)}. " +
            "Run infra/setup.sh, or set " + PathVariable + ".");
    }
}
