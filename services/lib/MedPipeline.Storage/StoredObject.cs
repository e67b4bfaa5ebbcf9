namespace MedPipeline.Storage;

/// <summary>What was written: its key and length.</summary>
public sealed record StoredObject(string Key, long Length);
