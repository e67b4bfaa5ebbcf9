using MedPipeline.Models;
using MedPipeline.ModelRunner;
using MedPipeline.Storage;

namespace MedPipeline.Inference.Series;

/// <summary>
/// Feeds the tensor batches the Preprocessor stored, one batch at a time, through the shared inference
/// core, and returns every row's answer in series order with the index that names each row.
/// </summary>
public sealed class StoredTensorInference(ISeriesStore store, BatchInference inference)
{
    public async Task<(TensorIndex Index, IReadOnlyList<InstanceAnswer> Answers)> RunAsync(LoadedModel model, string tensorsKey,
        CancellationToken cancellationToken)
    {
        var index = await TensorBatches.ReadIndexAsync(store, tensorsKey, cancellationToken);
        var rowLength = index.RowShape.Aggregate(1, (a, d) => a * d);
        var answers = new List<InstanceAnswer>(index.Rows.Count);
        for (var b = 0; b < index.BatchKeys.Count; b++)
        {
            using var batch = await TensorBatches.RentBatchAsync(store, index.BatchKeys[b], cancellationToken);
            var rows = index.Rows.Count(r => r.Batch == b);
            if (batch.Values.Length < rows * rowLength)
            {
                throw new InvalidDataException($"the tensor batch '{index.BatchKeys[b]}' holds {batch.Values.Length} values; its {rows} rows need {rows * rowLength}");
            }

            answers.AddRange(await inference.RunAsync(model, batch.Values[..(rows * rowLength)], rows, threshold: null, cancellationToken));
        }

        return (index, answers);
    }
}
