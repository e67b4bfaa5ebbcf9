using MedPipeline.Onnx.Native;

namespace MedPipeline.Onnx;

/// <summary>Entry point of the binding: where the native library is, and which version answered.</summary>
public static class OnnxRuntime
{
    /// <summary>Sets an explicit path to libonnxruntime.so.1; must be called before the first session.</summary>
    public static void Configure(string? libraryPath) => OrtApi.ConfiguredPath = libraryPath;

    /// <summary>The version string of the loaded native library, e.g. "1.23.2".</summary>
    public static string Version => OrtApi.Version;
}
