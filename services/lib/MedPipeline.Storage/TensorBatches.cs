using System.Runtime.InteropServices;

namespace MedPipeline.Storage;

/// <summary>
/// Preprocessed tensors in the store, as the Preprocessor writes and the Inference worker reads them:
/// raw little-endian float32 batches (N×C×H×W) and an index naming the instance and frame of each row.
/// </summary>
public static class TensorBatches
{
    public static async Task<string> WriteBatchAsync(ISeriesStore store, string prefix, int number, ReadOnlyMemory<float> values, CancellationToken cancellationToken)
    {
        var key = StoreLayout.TensorBatch(prefix, number);
        await store.WriteAsync(key, new MemoryStream(MemoryMarshal.AsBytes(values.Span).ToArray()), null, cancellationToken);
        return key;
    }

    public static async Task<float[]> ReadBatchAsync(ISeriesStore store, string key, CancellationToken cancellationToken)
    {
        await using var stream = store.OpenRead(key);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return MemoryMarshal.Cast<byte, float>(copy.GetBuffer().AsSpan(0, (int)copy.Length)).ToArray();
    }

    public static Task WriteIndexAsync(ISeriesStore store, string prefix, TensorIndex index, CancellationToken cancellationToken) =>
        StoredJson.WriteAsync(store, StoreLayout.TensorIndex(prefix), index, cancellationToken);

    public static Task<TensorIndex> ReadIndexAsync(ISeriesStore store, string prefix, CancellationToken cancellationToken) =>
        StoredJson.ReadAsync<TensorIndex>(store, StoreLayout.TensorIndex(prefix), cancellationToken);
}
