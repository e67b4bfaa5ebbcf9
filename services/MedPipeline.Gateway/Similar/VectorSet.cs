using System.Numerics.Tensors;

namespace MedPipeline.Gateway.Similar;

/// <summary>
/// The unit-length embeddings of one model's completed series, packed in one array so that a query is a single pass
/// of dot products (|a − b|² = 2 − 2·a·b for unit vectors). Not thread-safe: the owner locks.
/// </summary>
internal sealed class VectorSet(int width)
{
    private float[] _vectors = new float[width * 64];
    private Guid[] _ids = new Guid[64];
    private DateTimeOffset[] _finishedAt = new DateTimeOffset[64];
    private readonly Dictionary<Guid, int> _slots = [];

    public int Width { get; } = width;

    public int Count => _slots.Count;

    public void Put(Guid id, ReadOnlySpan<float> vector, DateTimeOffset finishedAt)
    {
        if (!_slots.TryGetValue(id, out var slot))
        {
            slot = _slots.Count;
            Grow(slot + 1);
            _slots[id] = slot;
            _ids[slot] = id;
        }

        vector.CopyTo(_vectors.AsSpan(slot * Width, Width));
        _finishedAt[slot] = finishedAt;
    }

    public void Remove(Guid id)
    {
        if (!_slots.Remove(id, out var slot))
        {
            return;
        }

        // The last vector moves into the hole, so the array stays packed.
        var last = _slots.Count;
        if (slot != last)
        {
            _vectors.AsSpan(last * Width, Width).CopyTo(_vectors.AsSpan(slot * Width, Width));
            _ids[slot] = _ids[last];
            _finishedAt[slot] = _finishedAt[last];
            _slots[_ids[slot]] = slot;
        }
    }

    /// <summary>The <paramref name="count"/> nearest vectors that finished before <paramref name="before"/>, nearest first.</summary>
    public IReadOnlyList<(Guid Id, double Distance)> Nearest(ReadOnlySpan<float> query, int count, Guid except, DateTimeOffset before)
    {
        // A min-heap on similarity keeps the best `count` seen so far; its root is the worst of them.
        var best = new PriorityQueue<Guid, float>(count + 1);
        for (var slot = 0; slot < _slots.Count; slot++)
        {
            if (_finishedAt[slot] >= before || _ids[slot] == except)
            {
                continue;
            }

            var similarity = TensorPrimitives.Dot(query, _vectors.AsSpan(slot * Width, Width));
            if (best.Count < count)
            {
                best.Enqueue(_ids[slot], similarity);
            }
            else if (best.TryPeek(out _, out var worst) && similarity > worst)
            {
                best.EnqueueDequeue(_ids[slot], similarity);
            }
        }

        var found = new List<(Guid, double)>(best.Count);
        while (best.TryDequeue(out var id, out var similarity))
        {
            found.Add((id, Math.Sqrt(Math.Max(0, 2 - (2 * (double)similarity)))));
        }

        found.Reverse();
        return found;
    }

    private void Grow(int needed)
    {
        if (needed <= _ids.Length)
        {
            return;
        }

        var capacity = Math.Max(needed, _ids.Length * 2);
        Array.Resize(ref _vectors, capacity * Width);
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _finishedAt, capacity);
    }
}
