namespace MedPipeline.Gateway.Similar;

/// <summary>
/// The searchable series of one organization and model type, one <see cref="VectorSet"/> per model file (sha256): vectors
/// of different model versions do not compare. Kept current from the read model's changed rows; the caller locks.
/// </summary>
internal sealed class OrganizationModelVectors
{
    private readonly Dictionary<string, VectorSet> _sets = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, string> _modelOf = [];

    /// <summary>The newest change applied; null before the first load.</summary>
    public DateTimeOffset? Watermark { get; private set; }

    public SemaphoreSlim Refreshing { get; } = new(1, 1);

    public object Gate { get; } = new();

    public int Count => _modelOf.Count;

    /// <summary>Applies rows changed since the watermark: a row that is no longer searchable (rerun, failed) leaves the index.</summary>
    public void Apply(IEnumerable<EmbeddingRow> rows)
    {
        foreach (var row in rows)
        {
            Forget(row.CorrelationId);
            if (row.IsSearchable)
            {
                var model = row.EmbeddingModel!;
                if (!_sets.TryGetValue(model, out var set) || set.Width != row.Embedding!.Length)
                {
                    set = _sets[model] = new VectorSet(row.Embedding!.Length);
                }

                set.Put(row.CorrelationId, row.Embedding, row.FinishedAt!.Value);
                _modelOf[row.CorrelationId] = model;
            }

            if (Watermark is not { } mark || row.UpdatedAt > mark)
            {
                Watermark = row.UpdatedAt;
            }
        }
    }

    /// <summary>Drops a series the read model no longer has (retention deleted it).</summary>
    public void Forget(Guid correlationId)
    {
        if (_modelOf.Remove(correlationId, out var model))
        {
            _sets[model].Remove(correlationId);
        }
    }

    public IReadOnlyList<(Guid Id, double Distance)> Nearest(string model, float[] query, int count, Guid except, DateTimeOffset before) =>
        _sets.TryGetValue(model, out var set) && set.Width == query.Length ? set.Nearest(query, count, except, before) : [];
}
