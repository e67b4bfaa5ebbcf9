using System.Globalization;
using MassTransit;
using MassTransit.Testing;
using MedPipeline.Contracts;
using MedPipeline.Dicom.Writing;
using MedPipeline.Models;
using MedPipeline.Preprocessor.Consumers;
using MedPipeline.Preprocessor.Series;
using MedPipeline.Storage;
using MedPipeline.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Workers.Tests;

/// <summary>The Preprocessor's own time for a 300-slice 512×512 CT series (printed; the figure the report quotes).</summary>
public sealed class When_a_300_slice_CT_series_is_preprocessed
{
    private const int Slices = 300;

    [Test]
    public async Task Its_preprocessing_time_is_printed_and_every_slice_becomes_a_row()
    {
        var root = Directory.CreateTempSubdirectory("medpipe-bench-").FullName;
        var store = new FileSystemStore(root);
        await using var provider = new ServiceCollection()
            .AddSingleton<ISeriesStore>(store)
            .AddSingleton(ModelManifests.Read(RepositoryPaths.Models))
            .AddSeriesPreprocessing()
            .AddMassTransitTestHarness(x => x.AddConsumer<PreprocessSeriesConsumer>())
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        harness.TestTimeout = TimeSpan.FromMinutes(5);
        await harness.Start();
        try
        {
            var random = new Random(3);
            for (var i = 0; i < Slices; i++)
            {
                var slice = new SyntheticDicom
                {
                    SopInstanceUid = $"1.2.3.4.{i + 1}", StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4", InstanceNumber = i + 1,
                    Rows = 512, Columns = 512, BitsStored = 12, RescaleSlope = 1, RescaleIntercept = -1024, WindowCenter = 40, WindowWidth = 400,
                    Pixels = [.. Enumerable.Range(0, 512 * 512).Select(_ => random.Next(0, 4096))],
                };
                await store.WriteAsync($"series/b/a/instances/{i + 1:D5}.dcm", new MemoryStream(slice.ToBytes()), null, CancellationToken.None);
            }

            var timings = new List<double>();
            for (var run = 0; run < 4; run++)
            {
                await harness.Bus.Publish(new PreprocessSeries { CorrelationId = Guid.NewGuid(), AttemptId = Guid.NewGuid(), InstancesKey = "series/b/a/instances", ModelType = "ct-lesion-classifier" });
                var done = await WaitForAsync(harness, run + 1);
                Assert.That(done.FrameCount, Is.EqualTo(Slices));
                var index = await TensorBatches.ReadIndexAsync(store, done.TensorsKey, CancellationToken.None);
                timings.Add(index.PreprocessMilliseconds!.Value);
            }

            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Preprocessor, {Slices} CT slices 512x512: runs {string.Join(" / ", timings.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} ms, best after warm-up {timings.Skip(1).Min():F0} ms"));
        }
        finally
        {
            await harness.Stop();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<SeriesPreprocessed> WaitForAsync(ITestHarness harness, int count)
    {
        for (var i = 0; i < 1200 && harness.Published.Select<SeriesPreprocessed>().Count() < count; i++)
        {
            await Task.Delay(100);
        }

        Assert.That(harness.Published.Select<SeriesPreprocessingFailed>().Any(), Is.False, "the series failed");
        return harness.Published.Select<SeriesPreprocessed>().Select(m => m.Context.Message).ElementAt(count - 1);
    }
}
