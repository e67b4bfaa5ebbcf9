using Ort = Microsoft.ML.OnnxRuntime;

namespace MedPipeline.Onnx;

/// <summary>Our description of a session's inputs or outputs, in the model's order.</summary>
internal static class SessionMetadata
{
    public static IReadOnlyList<TensorMetadata> Describe(IReadOnlyList<string> names, IReadOnlyDictionary<string, Ort.NodeMetadata> metadata) =>
        [.. names.Select(name => Describe(name, metadata[name]))];

    private static TensorMetadata Describe(string name, Ort.NodeMetadata node) =>
        node.IsTensor
            // Both enums follow ONNXTensorElementDataType's numbering.
            ? new TensorMetadata(name, (TensorElementType)(int)node.ElementDataType,
                [.. node.Dimensions.Select(d => (long)d)], [.. node.SymbolicDimensions.Select(s => s ?? "")])
            : new TensorMetadata(name, TensorElementType.Undefined, [], []);
}
