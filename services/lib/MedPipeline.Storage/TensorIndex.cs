namespace MedPipeline.Storage;

/// <summary>The rows of the tensor batches, in series order, and the shape of one row (C, H, W).</summary>
public sealed record TensorIndex(IReadOnlyList<int> RowShape, IReadOnlyList<TensorRow> Rows, IReadOnlyList<string> BatchKeys, string PreprocessingSummary,
    double? PreprocessMilliseconds = null);
