namespace MedPipeline.Persistence.Tests;

public sealed record ProbeRow(string CurrentState, int Version, int Counter, int Timeouts, DateTimeOffset? DueAt);
