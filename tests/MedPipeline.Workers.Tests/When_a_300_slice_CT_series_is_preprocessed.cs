using System.Diagnostics;
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

/// <summary>
/// The Preprocessor's own time for a 300-slice 512×512 CT series, with the Unpacker's instance index and
/// without one (every header parsed again), alternating runs in one process (printed; the figures the note quotes).
/// </summary>
[Category(TestTiers.Slow)]
public sealed class When_a_300_slice_CT_series_is_preprocessed
{
    private const int Slices = 300;

    [Test]
    public async Task Its_preprocessing_time_is_printed_with_and_without_the_instance_index()
    {
        await using var workers = await WorkerHarness.StartAsync("medpipe-bench-", s => s.AddSeriesPreprocessing(),
            x => x.AddConsumer<PreprocessSeriesConsumer>(), TimeSpan.FromMinutes(5));
        var (store, harness) = (workers.Store, workers.Harness);
        var random = new Random(3);
        for (var i = 0; i < Slices; i++)
        {
            var slice = new SyntheticDicom
            {
                SopInstanceUid = $"1.2.3.4.{i + 1}", StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4", InstanceNumber = i + 1,
                Rows = 512, Columns = 512, BitsStored = 12, RescaleSlope = 1, RescaleIntercept = -1024, WindowCenter = 40, WindowWidth = 400,
                Pixels = [.. Enumerable.Range(0, 512 * 512).Select(_ => random.Next(0, 4096))],
            }.ToBytes();
            await store.WriteAsync(StoreLayout.Instance(Indexed, i + 1), new MemoryStream(slice), null, CancellationToken.None);
            await store.WriteAsync(StoreLayout.Instance(Unindexed, i + 1), new MemoryStream(slice), null, CancellationToken.None);
        }

        await UnpackerIndex.WriteAsync(store, Indexed);

        var (withIndex, parsing) = ((Wall: new List<double>(), Cpu: new List<double>()), (Wall: new List<double>(), Cpu: new List<double>()));
        for (var run = 0; run < Runs; run++)
        {
            var (wall, cpu) = await PreprocessAsync(harness, store, Indexed);
            withIndex.Wall.Add(wall);
            withIndex.Cpu.Add(cpu);
            (wall, cpu) = await PreprocessAsync(harness, store, Unindexed);
            parsing.Wall.Add(wall);
            parsing.Cpu.Add(cpu);
        }

        TestContext.Out.WriteLine(Line("with the Unpacker's index", withIndex));
        TestContext.Out.WriteLine(Line("without an index (headers parsed here)", parsing));
        Assert.That(withIndex.Wall.Skip(1).Min(), Is.GreaterThan(0));
    }

    private const string Indexed = "series/indexed/a/instances";
    private const string Unindexed = "series/unindexed/a/instances";

    private const int Runs = 6;

    /// <summary>Wall time as the Preprocessor measures it, and this process's CPU time, which other load on a shared machine disturbs less.</summary>
    private static string Line(string what, (List<double> Wall, List<double> Cpu) runs) => string.Create(CultureInfo.InvariantCulture,
        $"Preprocessor, {Slices} CT slices 512x512, {what}: wall {Figures(runs.Wall)}; CPU {Figures(runs.Cpu)}");

    private static string Figures(List<double> timings) => string.Create(CultureInfo.InvariantCulture,
        $"runs {string.Join(" / ", timings.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} ms, median after warm-up {Median(timings.Skip(1)):F0} ms");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Preprocesses the series once and returns the Preprocessor's own time (in its tensor index).</summary>
    private static async Task<(double Wall, double Cpu)> PreprocessAsync(ITestHarness harness, ISeriesStore store, string instancesKey)
    {
        var correlationId = Guid.NewGuid();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await harness.Bus.Publish(new PreprocessSeries { CorrelationId = correlationId, AttemptId = Guid.NewGuid(), InstancesKey = instancesKey, ModelType = "ct-lesion-classifier" });
        var (done, failure) = await PublishedMessages.PreprocessedAsync(harness, correlationId);
        Assert.That(done, Is.Not.Null, failure);
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Assert.That(done!.FrameCount, Is.EqualTo(Slices));
        return ((await TensorBatches.ReadIndexAsync(store, done.TensorsKey, CancellationToken.None)).PreprocessMilliseconds!.Value, cpuMs);
    }
}
