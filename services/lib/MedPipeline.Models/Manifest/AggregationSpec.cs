namespace MedPipeline.Models.Manifest;

public sealed record AggregationSpec(AggregationRule Rule, string? PositiveLabel);
