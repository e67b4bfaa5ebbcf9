namespace MedPipeline.Contracts;

/// <summary>Run the model on the preprocessed tensors and compute the series result.</summary>
public sealed record RunSeriesInference
{
    public Guid CorrelationId { get; init; }

    public Guid AttemptId { get; init; }

    public string TensorsKey { get; init; } = "";

    public IReadOnlyList<string> TensorBatchKeys { get; init; } = [];

    public string ModelType { get; init; } = "";
}
