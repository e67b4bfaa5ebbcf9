namespace MedPipeline.Onnx;

/// <summary>
/// A model input or output: its name, element type and dimensions; -1 marks a dynamic dimension,
/// whose symbolic name (e.g. "batch"), when the model gives one, is in <see cref="SymbolicDimensions"/>.
/// </summary>
public sealed record TensorMetadata(string Name, TensorElementType ElementType, IReadOnlyList<long> Dimensions, IReadOnlyList<string> SymbolicDimensions)
{
    public override string ToString() => $"{Name} {ElementType}[{string.Join(", ", Dimensions.Select((d, i) => d >= 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : SymbolicDimensions[i] is { Length: > 0 } s ? s : "?"))}]";
}
