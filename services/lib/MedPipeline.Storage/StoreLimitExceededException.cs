namespace MedPipeline.Storage;

/// <summary>A write went past the byte limit its caller set; nothing was kept.</summary>
public sealed class StoreLimitExceededException(string key, long limit)
    : Exception($"'{key}' is larger than the limit of {limit} bytes.")
{
    public string Key { get; } = key;

    public long Limit { get; } = limit;
}
