namespace MedPipeline.Onnx;

/// <summary>An error reported by ONNX Runtime (its code and message, without the package's prefix), or by this binding before calling it.</summary>
public class OnnxRuntimeException(OrtErrorCode code, string message, Exception? innerException = null)
    : Exception($"ONNX Runtime {code}: {message}", innerException)
{
    public OrtErrorCode Code { get; } = code;

    public string RuntimeMessage { get; } = message;
}
