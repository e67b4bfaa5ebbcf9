namespace MedPipeline.LocalStack;

/// <summary>A process started by a fixture, as found in /proc.</summary>
public sealed record MarkedProcess(int Pid, string Token, int OwnerPid, string OwnerStart, string? Directory);
