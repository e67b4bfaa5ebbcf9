namespace MedPipeline.LocalStack;

/// <summary>
/// One pipeline database and a connection string per login: the superuser (tests seed and inspect
/// with it), the orchestrator role (owns and migrates the tables) and the gateway role (reads the
/// status read model only).
/// </summary>
public sealed record PipelineDatabase(string Administrator, string Orchestrator, string Gateway);
