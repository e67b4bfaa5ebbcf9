using MedPipeline.Storage;

namespace MedPipeline.Preprocessor.Series;

/// <summary>
/// Collects preprocessed rows and writes them to the store in batches of <see cref="RowsPerBatch"/>
/// (claim check), remembering which instance and frame each row is. Redelivery rewrites the same keys.
/// </summary>
public sealed class TensorBatchWriter(ISeriesStore store, string tensorsKey, int rowLength)
{
    public const int RowsPerBatch = 32;
    private readonly float[] _batch = new float[RowsPerBatch * rowLength];
    private readonly List<TensorRow> _rows = [];
    private readonly List<string> _batchKeys = [];
    private int _filled;

    public IReadOnlyList<TensorRow> Rows => _rows;

    public IReadOnlyList<string> BatchKeys => _batchKeys;

    /// <summary>Where the next row goes; fill it, then <see cref="AddAsync"/>.</summary>
    public Span<float> NextRow => _batch.AsSpan(_filled * rowLength, rowLength);

    public async Task AddAsync(string sopInstanceUid, int? instanceNumber, int frame, CancellationToken cancellationToken)
    {
        _rows.Add(new TensorRow(sopInstanceUid, instanceNumber, frame, _batchKeys.Count, _filled));
        if (++_filled == RowsPerBatch)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_filled > 0)
        {
            _batchKeys.Add(await TensorBatches.WriteBatchAsync(store, tensorsKey, _batchKeys.Count, _batch.AsMemory(0, _filled * rowLength), cancellationToken));
            _filled = 0;
        }
    }
}
