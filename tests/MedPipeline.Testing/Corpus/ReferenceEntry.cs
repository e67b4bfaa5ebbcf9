namespace MedPipeline.Testing.Corpus;

public sealed record ReferenceEntry(string Path, string Name, string Status, string? File, int[]? Shape, string? Photometric, string? Error);
