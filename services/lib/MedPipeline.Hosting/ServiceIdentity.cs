namespace MedPipeline.Hosting;

/// <summary>The name this process reports in traces and metrics (e.g. "medpipeline-unpacker").</summary>
public sealed record ServiceIdentity(string Name);
