namespace MedPipeline.Containers.Tests;

internal sealed record CommandResult(int ExitCode, string Output);
