using System.Buffers;
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
        var length = values.Length * sizeof(float);

        // A pooled buffer: a long series writes a batch every 32 rows, and a new array each time is large-object garbage.
        var bytes = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            MemoryMarshal.AsBytes(values.Span).CopyTo(bytes);
            await store.WriteAsync(key, new MemoryStream(bytes, 0, length, writable: false), null, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }

        return key;
    }

    public static async Task<float[]> ReadBatchAsync(ISeriesStore store, string key, CancellationToken cancellationToken)
    {
        using var batch = await RentBatchAsync(store, key, cancellationToken);
        return batch.Values.ToArray();
    }

    /// <summary>
    /// A stored batch in an array from the shared pool, returned to it on dispose: reading a series batch after batch
    /// then reuses the same few arrays instead of leaving two large objects per batch for the garbage collector.
    /// </summary>
    public static async Task<RentedBatch> RentBatchAsync(ISeriesStore store, string key, CancellationToken cancellationToken)
    {
        await using var stream = store.OpenRead(key);
        var length = stream.Length;
        if (length % sizeof(float) != 0 || length > Array.MaxLength)
        {
            throw new InvalidDataException($"the tensor batch '{key}' has {length} bytes, not a whole number of float32 values");
        }

        var bytes = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            await stream.ReadExactlyAsync(bytes.AsMemory(0, (int)length), cancellationToken);
            var count = (int)length / sizeof(float);
            var values = ArrayPool<float>.Shared.Rent(count);
            MemoryMarshal.Cast<byte, float>(bytes.AsSpan(0, (int)length)).CopyTo(values);
            return new RentedBatch(values, count);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    public static Task WriteIndexAsync(ISeriesStore store, string prefix, TensorIndex index, CancellationToken cancellationToken) =>
        StoredJson.WriteAsync(store, StoreLayout.TensorIndex(prefix), index, cancellationToken);

    public static Task<TensorIndex> ReadIndexAsync(ISeriesStore store, string prefix, CancellationToken cancellationToken) =>
        StoredJson.ReadAsync<TensorIndex>(store, StoreLayout.TensorIndex(prefix), cancellationToken);
}
