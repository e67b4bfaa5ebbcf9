using MedPipeline.SampleData;

namespace MedPipeline.Cli.Demo;

/// <summary>One sample submission of the demo: which series, for which model, under which backend id.</summary>
internal sealed record DemoSeries(string Label, SampleSeries Series, string ModelType, string SeriesId)
{
    /// <summary>A series per model, one the model does not support, and one corrupt ZIP.</summary>
    public static IReadOnlyList<DemoSeries> All(string modelsFolder)
    {
        var samples = new SampleSeriesFactory(modelsFolder);
        return
        [
            new("CT, lesion slices", samples.ForModel("ct-lesion-classifier", 6, "lesion"), "ct-lesion-classifier", "demo-ct-lesion"),
            new("CT, normal slices", samples.ForModel("ct-lesion-classifier", 6, "normal"), "ct-lesion-classifier", "demo-ct-normal"),
            new("digits (secondary capture)", samples.ForModel("digit-classifier", 4, "7"), "digit-classifier", "demo-digits"),
            new("chest X-ray, normal", samples.ForModel("xray-anomaly", 4, "normal"), "xray-anomaly", "demo-xray-normal"),
            new("chest X-ray, anomalous", samples.ForModel("xray-anomaly", 4, "anomaly"), "xray-anomaly", "demo-xray-anomaly"),
            new("MR for the CT model", samples.UnsupportedModality("ct-lesion-classifier"), "ct-lesion-classifier", "demo-mr-unsupported"),
            new("a corrupt ZIP", SampleSeriesFactory.CorruptZip(), "ct-lesion-classifier", "demo-corrupt-zip"),
        ];
    }
}
