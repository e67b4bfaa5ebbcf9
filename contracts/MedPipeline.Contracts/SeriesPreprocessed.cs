namespace MedPipeline.Contracts;

/// <summary>The tensors are in the store (claim check: only keys travel).</summary>
public sealed record SeriesPreprocessed
{
    public Guid CorrelationId { get; init; }

    public Guid AttemptId { get; init; }

    /// <summary>Store prefix of the tensors: the batches and their index (which instance and frame each row is).</summary>
    public string TensorsKey { get; init; } = "";

    public IReadOnlyList<string> TensorBatchKeys { get; init; } = [];

    public int FrameCount { get; init; }
}
