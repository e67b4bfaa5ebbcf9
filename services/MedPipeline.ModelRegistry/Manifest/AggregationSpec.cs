namespace MedPipeline.ModelRegistry.Manifest;

public sealed record AggregationSpec(AggregationRule Rule, string? PositiveLabel);
