namespace MedPipeline.Models;

/// <summary>A predicted class, its probability, and every class's probability (in label order).</summary>
public sealed record ClassificationOutcome(string PredictedClass, double Probability, IReadOnlyDictionary<string, double> ClassProbabilities);
