using System.Diagnostics;
using MedPipeline.ModelInput;
using MedPipeline.ModelRunner;
using MedPipeline.ModelRunner.Heatmaps;
using MedPipeline.Testing;

namespace MedPipeline.Models.Tests.Heatmaps;

/// <summary>What a heatmap costs on the shipped 64×64 models (the figures in docs/api.md, "Heatmaps"), and that the maps are whole.</summary>
public sealed class When_heatmaps_of_the_shipped_models_are_timed
{
    [TestCase("xray-anomaly")]
    [TestCase("ct-lesion-classifier")]
    public async Task A_heatmap_over_a_512_pixel_image_is_made_and_its_time_reported(string modelType)
    {
        using var registry = ModelRegistry.Load(RepositoryPaths.Models);
        registry.TryGet(modelType, out var model);
        var row = Enumerable.Range(0, 64 * 64).Select(i => (i % 64) / 64f).ToArray();
        var source = new DisplayImage([.. Enumerable.Range(0, 512 * 512).Select(i => (byte)(i % 251))], 512, 512);
        var maker = new HeatmapMaker(new BatchInference(1));
        await maker.MakeAsync(model, row, null, source, CancellationToken.None);

        var times = new List<double>();
        Heatmap heatmap = null!;
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            heatmap = await maker.MakeAsync(model, row, null, source, CancellationToken.None);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        TestContext.Out.WriteLine($"{modelType}: heatmap over 512×512 in {times.Order().ElementAt(2):F1} ms (median of 5), {heatmap.Png.Length} bytes");
        Assert.That((heatmap.Width, heatmap.Height), Is.EqualTo((512, 512)));
        Assert.That(heatmap.Png[..4], Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
    }
}
