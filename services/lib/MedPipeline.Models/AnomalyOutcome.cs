namespace MedPipeline.Models;

/// <summary>An anomaly score against its threshold: anomalous when the MSE is above it.</summary>
public sealed record AnomalyOutcome(double ReconstructionMse, bool IsAnomaly, double Threshold);
