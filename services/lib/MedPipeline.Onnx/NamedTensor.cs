namespace MedPipeline.Onnx;

/// <summary>A float32 tensor over caller memory (no copy): the buffer is pinned only while a run uses it.</summary>
public sealed record NamedTensor(string Name, Memory<float> Data, IReadOnlyList<long> Shape)
{
    public long ElementCount => Shape.Aggregate(1L, (a, d) => a * d);
}
