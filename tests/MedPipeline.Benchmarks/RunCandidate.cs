namespace MedPipeline.Benchmarks;

/// <summary>One way of running one model on one prepared input, named for the table.</summary>
internal sealed record RunCandidate(string Binding, Action Run);
