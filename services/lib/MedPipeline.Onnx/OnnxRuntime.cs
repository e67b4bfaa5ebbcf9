using MedPipeline.Onnx.Native;

namespace MedPipeline.Onnx;

/// <summary>Entry point of the binding: where the native library is, and which version answered.</summary>
public static class OnnxRuntime
{
    /// <summary>
    /// Sets an explicit path to libonnxruntime.so.1, tried before MEDPIPE_ONNXRUNTIME_PATH and the set-up
    /// cache. Must be called before the first session; afterwards a different path throws InvalidOperationException.
    /// </summary>
    public static void Configure(string? libraryPath) => OrtApi.ConfiguredPath = libraryPath;

    /// <summary>The version string of the loaded native library, e.g. "1.23.2" (loads it on first use).</summary>
    public static string Version => OrtApi.Version;

    /// <summary>The file the native library was loaded from; null before the first use.</summary>
    public static string? LibraryPath => OrtApi.LibraryPath;
}
