using System.Buffers;

namespace MedPipeline.Storage;

/// <summary>A tensor batch read into an array of the shared pool (<see cref="TensorBatches.RentBatchAsync"/>); dispose returns the array.</summary>
public sealed class RentedBatch(float[] array, int length) : IDisposable
{
    private float[]? _array = array;

    /// <summary>The batch's values; not to be used after dispose.</summary>
    public Memory<float> Values => (_array ?? throw new ObjectDisposedException(nameof(RentedBatch))).AsMemory(0, length);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _array, null) is { } rented)
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }
}
