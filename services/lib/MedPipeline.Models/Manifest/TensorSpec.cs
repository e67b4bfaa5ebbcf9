namespace MedPipeline.Models.Manifest;

/// <summary>A declared input: its name and N×C×H×W shape, -1 for the dynamic batch.</summary>
public sealed record TensorSpec(string Name, IReadOnlyList<long> Shape);
