namespace MedPipeline.Storage;

public static class StoreRangeExtensions
{
    /// <summary>The whole object <paramref name="key"/> when <paramref name="offset"/> is null, else its <paramref name="length"/> bytes from there.</summary>
    public static Stream OpenRead(this ISeriesStore store, string key, long? offset, long length) =>
        offset is { } at ? store.OpenRead(key, at, length) : store.OpenRead(key);
}
