namespace MedPipeline.Storage;

/// <summary>What was written: its key, length and sha256 (hex).</summary>
public sealed record StoredObject(string Key, long Length, string Sha256);
