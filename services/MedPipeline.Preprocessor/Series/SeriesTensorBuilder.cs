using System.Diagnostics;
using System.Text.Json;
using MedPipeline.Contracts;
using MedPipeline.Dicom;
using MedPipeline.ModelInput;
using MedPipeline.Models.Manifest;
using MedPipeline.Preprocessor.Options;
using MedPipeline.Storage;
using Microsoft.Extensions.Options;

namespace MedPipeline.Preprocessor.Series;

/// <summary>
/// Decodes every image of the series in order and preprocesses each frame for the model; the tensors go
/// to the store in batches with an index of their rows. A file that cannot be decoded fails the series
/// with its name and reason; so does a series over its <see cref="SeriesLimitsOptions"/> budget, before any decoding.
/// </summary>
public sealed class SeriesTensorBuilder(ISeriesStore store, SeriesImages images, IndexedFrameDecoder decoder, IOptions<SeriesLimitsOptions> limits)
{
    public async Task<PreprocessingOutcome> BuildAsync(PreprocessSeries m, ModelManifest manifest, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var spec = manifest.Preprocessing!;
        var (index, problem) = await images.ReadAsync(m, cancellationToken);
        if (index is null)
        {
            return PreprocessingOutcome.Failed(problem!);
        }

        if (SeriesBudget.Exceeded(index, ImagePreprocessor.TensorLength(spec), limits.Value) is { } overBudget)
        {
            return PreprocessingOutcome.Failed(overBudget);
        }

        var tensorsKey = StoreLayout.TensorsOf(m.InstancesKey);
        var writer = new TensorBatchWriter(store, tensorsKey, ImagePreprocessor.TensorLength(spec));
        PreprocessingSummary? summary = null;
        foreach (var image in index.Instances)
        {
            // Names in failures are the stored file's, as before the index existed.
            var name = Path.GetFileName(image.Key);
            IReadOnlyList<Imaging.ImageFrame> frames;
            try
            {
                frames = await decoder.DecodeAsync(image, name, cancellationToken);
            }
            catch (DicomReadException e)
            {
                return PreprocessingOutcome.Failed($"{name} could not be decoded ({e.Reason}): {e.Detail}");
            }

            for (var f = 0; f < frames.Count; f++)
            {
                using var frame = frames[f];
                var done = ImagePreprocessor.Preprocess(frame, spec, writer.NextRow);
                summary ??= done;

                await writer.AddAsync(image.Info.SopInstanceUid ?? name, image.Info.InstanceNumber, f + 1, cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
        if (writer.Rows.Count == 0)
        {
            return PreprocessingOutcome.Failed("the series has no decodable image frames");
        }

        var shape = manifest.Input!.Shape.Skip(1).Select(d => (int)d).ToList();
        await TensorBatches.WriteIndexAsync(store, tensorsKey, new TensorIndex(shape, writer.Rows, writer.BatchKeys, JsonSerializer.Serialize(summary),
            Math.Round(clock.Elapsed.TotalMilliseconds, 3)), cancellationToken);
        return new PreprocessingOutcome { TensorsKey = tensorsKey, BatchKeys = writer.BatchKeys, FrameCount = writer.Rows.Count };
    }
}
