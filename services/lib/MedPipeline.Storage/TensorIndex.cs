namespace MedPipeline.Storage;

/// <summary>The rows of the tensor batches, in series order, and the shape of one row (C, H, W).</summary>
public sealed record TensorIndex(IReadOnlyList<int> RowShape, IReadOnlyList<TensorRow> Rows, IReadOnlyList<string> BatchKeys, string PreprocessingSummary,
    double? PreprocessMilliseconds = null);

/// <summary>One tensor row: which instance and frame it came from, and where it is.</summary>
public sealed record TensorRow(string SopInstanceUid, int? InstanceNumber, int Frame, int Batch, int Offset);
