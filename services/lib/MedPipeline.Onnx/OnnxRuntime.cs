using Ort = Microsoft.ML.OnnxRuntime;

namespace MedPipeline.Onnx;

/// <summary>The ONNX Runtime this binding runs on: the native library of the Microsoft.ML.OnnxRuntime package.</summary>
public static class OnnxRuntime
{
    /// <summary>The version string of the loaded native library, e.g. "1.31.1" (loads it on first use).</summary>
    public static string Version => Ort.OrtEnv.Instance().GetVersionString();
}
