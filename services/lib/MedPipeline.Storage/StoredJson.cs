using System.Text.Json;

namespace MedPipeline.Storage;

/// <summary>Small JSON documents in the store (the claim-check indexes), written whole and read back typed.</summary>
public static class StoredJson
{
    public static async Task WriteAsync<T>(ISeriesStore store, string key, T value, CancellationToken cancellationToken) =>
        await store.WriteAsync(key, new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(value)), null, cancellationToken);

    public static async Task<T> ReadAsync<T>(ISeriesStore store, string key, CancellationToken cancellationToken)
    {
        await using var stream = store.OpenRead(key);
        return await JsonSerializer.DeserializeAsync<T>(stream, cancellationToken: cancellationToken)
            ?? throw new InvalidDataException($"{key} is empty");
    }
}
