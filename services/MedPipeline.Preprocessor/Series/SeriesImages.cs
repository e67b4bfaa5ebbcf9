using MedPipeline.Contracts;
using MedPipeline.Dicom.Series;
using MedPipeline.Storage;
using Microsoft.Extensions.Logging;

namespace MedPipeline.Preprocessor.Series;

/// <summary>
/// The images of a series in order, with what their headers say: from the Unpacker's instance index when
/// it is in the store (no header is parsed again), else by reading every header here, as a message from
/// an Unpacker older than the index needs.
/// </summary>
public sealed partial class SeriesImages(ISeriesStore store, ILogger<SeriesImages> logger)
{
    public async Task<(InstanceIndex? Index, string? Problem)> ReadAsync(PreprocessSeries m, CancellationToken cancellationToken)
    {
        var indexKey = m.InstanceIndexKey ?? StoreLayout.InstanceIndexOf(m.InstancesKey);
        if (store.Exists(indexKey))
        {
            var index = await StoredJson.ReadAsync<InstanceIndex>(store, indexKey, cancellationToken);
            var stray = index.Instances.FirstOrDefault(i => i.Offset is null
                ? !i.Key.StartsWith(m.InstancesKey + "/", StringComparison.Ordinal)
                : i.Key != m.ArchiveKey);
            return stray is null ? (index, null) : (null, $"the instance index names {stray.Key}, which is not one of the series' instances");
        }

        LogNoIndex(m.CorrelationId);
        var series = await SeriesAssembler.AssembleAsync(store.List(m.InstancesKey).Select(k => (Path.GetFileName(k), k)), store.OpenRead,
            cancellationToken: cancellationToken);
        return series.Unreadable.FirstOrDefault() is { } unreadable
            ? (null, $"{unreadable.Name} could not be read ({unreadable.Reason}): {unreadable.Detail}")
            : (InstanceIndex.Of(series), null);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Series {CorrelationId}: no instance index from the Unpacker; every header is read here")]
    private partial void LogNoIndex(Guid correlationId);
}
