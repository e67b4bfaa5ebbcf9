namespace MedPipeline.Onnx;

/// <summary>An output tensor copied into managed memory.</summary>
public sealed record TensorResult(string Name, float[] Data, IReadOnlyList<long> Shape);
