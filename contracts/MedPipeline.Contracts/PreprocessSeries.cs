namespace MedPipeline.Contracts;

/// <summary>Decode and preprocess the unpacked instances for the model; tensors go to the store.</summary>
public sealed record PreprocessSeries
{
    public Guid CorrelationId { get; init; }

    public Guid AttemptId { get; init; }

    public string InstancesKey { get; init; } = "";

    public string ModelType { get; init; } = "";
}
