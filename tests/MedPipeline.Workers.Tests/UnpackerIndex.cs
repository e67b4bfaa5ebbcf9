using MedPipeline.Dicom.Series;
using MedPipeline.Storage;

namespace MedPipeline.Workers.Tests;

/// <summary>The instance index as the Unpacker writes it: the headers assembled over the store, kept where the layout says.</summary>
internal static class UnpackerIndex
{
    public static async Task<InstanceIndex> WriteAsync(ISeriesStore store, string instancesKey)
    {
        var series = await SeriesAssembler.AssembleAsync(store.List(instancesKey).Select(k => (Path.GetFileName(k), k)), store.OpenRead);
        var index = InstanceIndex.Of(series);
        await StoredJson.WriteAsync(store, StoreLayout.InstanceIndexOf(instancesKey), index, CancellationToken.None);
        return index;
    }
}
