using MedPipeline.Models;
using System.Text.Json;
using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Dicom;
using MedPipeline.Dicom.Series;
using MedPipeline.ModelInput;
using MedPipeline.Storage;

namespace MedPipeline.Preprocessor.Consumers;

/// <summary>
/// Decodes every instance of the series in order and preprocesses each frame for the model; the
/// tensors go to the store in batches (claim check), only their keys travel. A file that cannot be
/// decoded fails the series with its name and reason. Redelivery rewrites the same keys.
/// </summary>
public sealed class PreprocessSeriesConsumer(FileSystemStore store, ModelRegistry registry, ICompressedFrameDecoder? codecs = null)
    : IConsumer<PreprocessSeries>
{
    private const int RowsPerBatch = 32;

    public async Task Consume(ConsumeContext<PreprocessSeries> context)
    {
        var m = context.Message;
        if (!registry.TryGet(m.ModelType, out var model))
        {
            await Fail(context, $"unknown model type '{m.ModelType}'");
            return;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var spec = model.Manifest.Preprocessing!;
        var rowLength = ImagePreprocessor.TensorLength(spec);
        var series = await SeriesAssembler.AssembleAsync(store.List(m.InstancesKey).Select(k => (Path.GetFileName(k), store.PathOf(k))), cancellationToken: context.CancellationToken);
        if (series.Unreadable.FirstOrDefault() is { } unreadable)
        {
            await Fail(context, $"{unreadable.Name} could not be read ({unreadable.Reason}): {unreadable.Detail}");
            return;
        }

        var prefix = StoreKey.Combine(m.InstancesKey[..Math.Max(0, m.InstancesKey.LastIndexOf('/'))], "tensors");
        var rows = new List<TensorRow>();
        var batchKeys = new List<string>();
        var batch = new float[RowsPerBatch * rowLength];
        var filled = 0;
        PreprocessingSummary? summary = null;
        foreach (var image in series.Images)
        {
            IReadOnlyList<Imaging.ImageFrame> frames;
            try
            {
                frames = await (await DicomFile.ReadAsync(image.Path, cancellationToken: context.CancellationToken)).DecodeFramesAsync(codecs, cancellationToken: context.CancellationToken);
            }
            catch (DicomReadException e)
            {
                await Fail(context, $"{image.Name} could not be decoded ({e.Reason}): {e.Detail}");
                return;
            }

            for (var f = 0; f < frames.Count; f++)
            {
                using var frame = frames[f];
                var done = ImagePreprocessor.Preprocess(frame, spec, batch.AsSpan(filled * rowLength, rowLength));
                summary ??= done;

                rows.Add(new TensorRow(image.Info.SopInstanceUid ?? image.Name, image.Info.InstanceNumber, f + 1, batchKeys.Count, filled));
                if (++filled == RowsPerBatch)
                {
                    batchKeys.Add(await TensorBatches.WriteBatchAsync(store, prefix, batchKeys.Count, batch.AsMemory(0, filled * rowLength), context.CancellationToken));
                    filled = 0;
                }
            }
        }

        if (filled > 0)
        {
            batchKeys.Add(await TensorBatches.WriteBatchAsync(store, prefix, batchKeys.Count, batch.AsMemory(0, filled * rowLength), context.CancellationToken));
        }

        if (rows.Count == 0)
        {
            await Fail(context, "the series has no decodable image frames");
            return;
        }

        var shape = model.Manifest.Input!.Shape.Skip(1).Select(d => (int)d).ToList();
        await TensorBatches.WriteIndexAsync(store, prefix, new TensorIndex(shape, rows, batchKeys, JsonSerializer.Serialize(summary),
            Math.Round(clock.Elapsed.TotalMilliseconds, 3)), context.CancellationToken);
        await context.Publish(new SeriesPreprocessed
        {
            CorrelationId = m.CorrelationId, AttemptId = m.AttemptId, TensorsKey = prefix, TensorBatchKeys = batchKeys, FrameCount = rows.Count,
        });
    }

    private static Task Fail(ConsumeContext<PreprocessSeries> context, string reason) =>
        context.Publish(new SeriesPreprocessingFailed { CorrelationId = context.Message.CorrelationId, AttemptId = context.Message.AttemptId, Reason = reason });
}
