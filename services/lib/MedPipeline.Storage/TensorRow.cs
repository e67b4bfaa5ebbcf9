namespace MedPipeline.Storage;

/// <summary>One tensor row: which instance and frame it came from, and where it is.</summary>
public sealed record TensorRow(string SopInstanceUid, int? InstanceNumber, int Frame, int Batch, int Offset);
