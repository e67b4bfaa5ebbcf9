using MedPipeline.Onnx;
namespace MedPipeline.Benchmarks.LegacyOnnx;

/// <summary>Copies an ONNX Runtime-allocated float output into managed memory (the caller still owns and releases the value).</summary>
internal static unsafe class OutputReader
{
    public static TensorResult Read(string name, nint value)
    {
        nint info;
        OrtApi.Check(((delegate* unmanaged[Cdecl]<nint, nint*, nint>)OrtApi.Fn(OrtApiIndex.GetTensorTypeAndShape))(value, &info));
        long[] dimensions;
        TensorElementType type;
        using (new OrtHandle(info, OrtApiIndex.ReleaseTensorTypeAndShapeInfo))
        {
            (type, dimensions, _) = SessionMetadataReader.ShapeOf(info, withSymbols: false);
        }

        if (type != TensorElementType.Float)
        {
            throw new OnnxRuntimeException(OrtErrorCode.InvalidArgument, $"output '{name}' is {type}; this binding reads float32 outputs only");
        }

        var count = checked((int)dimensions.Aggregate(1L, (a, d) => a * d));
        var data = new float[count];
        if (count > 0)
        {
            void* source;
            OrtApi.Check(((delegate* unmanaged[Cdecl]<nint, void**, nint>)OrtApi.Fn(OrtApiIndex.GetTensorMutableData))(value, &source));
            new ReadOnlySpan<float>(source, count).CopyTo(data);
        }

        return new TensorResult(name, data, dimensions);
    }
}
