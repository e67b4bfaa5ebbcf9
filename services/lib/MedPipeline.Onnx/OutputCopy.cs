using Ort = Microsoft.ML.OnnxRuntime;

namespace MedPipeline.Onnx;

/// <summary>Copies an ONNX Runtime-allocated float output into managed memory (the caller still disposes the value).</summary>
internal static class OutputCopy
{
    public static TensorResult Read(string name, Ort.OrtValue value)
    {
        var info = value.GetTensorTypeAndShape();
        if (info.ElementDataType != Ort.Tensors.TensorElementType.Float)
        {
            throw new OnnxRuntimeException(OrtErrorCode.InvalidArgument,
                $"output '{name}' is {(TensorElementType)(int)info.ElementDataType}; this binding reads float32 outputs only");
        }

        return new TensorResult(name, value.GetTensorDataAsSpan<float>().ToArray(), info.Shape);
    }
}
