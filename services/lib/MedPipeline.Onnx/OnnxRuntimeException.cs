namespace MedPipeline.Onnx;

/// <summary>An error reported by ONNX Runtime (its code and message), or by this binding before calling it.</summary>
public class OnnxRuntimeException(OrtErrorCode code, string message) : Exception($"ONNX Runtime {code}: {message}")
{
    public OrtErrorCode Code { get; } = code;

    public string RuntimeMessage { get; } = message;
}
