using System.Buffers;
using System.Diagnostics;
using MedPipeline.Dicom;
using MedPipeline.Imaging;
using MedPipeline.Models;
using MedPipeline.Models.Manifest;
using MedPipeline.ModelInput;

namespace MedPipeline.ModelRunner;

/// <summary>
/// One file in, one answer per frame out: decode, preprocess per the model's manifest, and run the model
/// through the <see cref="BatchInference"/> core the series path shares (at most
/// <see cref="PredictionOptions.MaxConcurrentRunsPerModel"/> runs of a model at once).
/// Used by the gateway's synchronous endpoints and by `medpipe predict`. PNG and JPEG files go to
/// <paramref name="images"/>: the gateway passes its codec process pool; without one they are decoded in this
/// process, which only suits the user's own files.
/// </summary>
public sealed class ImagePredictor(ModelRegistry registry, PredictionOptions options, ICompressedFrameDecoder? codecs = null, IImageFileDecoder? images = null)
{
    private readonly IImageFileDecoder _images = images ?? InProcessImageDecoder.Instance;

    private readonly BatchInference _inference = new(options.MaxConcurrentRunsPerModel);

    // Decoded frames are the one allocation that grows with the upload; holding them only under this gate
    // bounds the process's pixel memory to MaxConcurrentDecodes × MaxDecodedBytes whatever the request rate.
    private readonly SemaphoreSlim _decodes = new(options.MaxConcurrentDecodes, options.MaxConcurrentDecodes);

    public async Task<ImagePrediction> PredictAsync(ReadOnlyMemory<byte> file, string fileName, string modelType, ModelTask task,
        double? threshold = null, bool withPreview = false, CancellationToken cancellationToken = default)
    {
        var model = Resolve(modelType, task, threshold);
        var manifest = model.Manifest;
        var spec = manifest.Preprocessing!;
        var length = ImagePreprocessor.TensorLength(spec);
        var (batch, count, summary, format, decodeMs, preprocessMs) = await DecodeAndPreprocessAsync(file, fileName, spec, length, cancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            var answers = await _inference.RunAsync(model, batch.AsMemory(0, length * count), count, threshold, cancellationToken);
            var inferenceMs = clock.Elapsed.TotalMilliseconds;
            var preview = withPreview ? Preview(batch.AsSpan(0, length), spec) : null;
            return new ImagePrediction(manifest, [.. answers.Select((a, i) => new FramePrediction(i + 1, a))],
                new PredictionTimings(decodeMs, preprocessMs, inferenceMs), summary, format, preview);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(batch);
        }
    }

    /// <summary>Decodes and preprocesses inside the decode gate; the frames are gone before the model runs.</summary>
    private async Task<(float[] Batch, int Count, PreprocessingSummary Summary, string Format, double DecodeMs, double PreprocessMs)> DecodeAndPreprocessAsync(
        ReadOnlyMemory<byte> file, string fileName, PreprocessingSpec spec, int length, CancellationToken cancellationToken)
    {
        await _decodes.WaitAsync(cancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            var (frames, format) = await ImageDecoding.DecodeAsync(file, fileName, codecs, _images, options, cancellationToken);
            var decodeMs = clock.Elapsed.TotalMilliseconds;
            try
            {
                var batch = ArrayPool<float>.Shared.Rent(length * frames.Count);
                try
                {
                    clock.Restart();
                    var summaries = ImagePreprocessor.PreprocessBatch(frames, spec, batch.AsSpan(0, length * frames.Count));
                    return (batch, frames.Count, summaries[0], format, decodeMs, clock.Elapsed.TotalMilliseconds);
                }
                catch
                {
                    ArrayPool<float>.Shared.Return(batch);
                    throw;
                }
            }
            finally
            {
                foreach (var frame in frames)
                {
                    frame.Dispose();
                }
            }
        }
        finally
        {
            _decodes.Release();
        }
    }

    private LoadedModel Resolve(string modelType, ModelTask task, double? threshold)
    {
        if (!registry.TryGet(modelType, out var model))
        {
            throw new PredictionException(PredictionError.UnknownModel,
                $"unknown modelType '{modelType}'; known: {string.Join(", ", registry.ModelTypes.Order(StringComparer.Ordinal))}");
        }

        if (model.Manifest.Task != task)
        {
            var wanted = task == ModelTask.Anomaly ? "an anomaly" : "a classification";
            throw new PredictionException(PredictionError.WrongTask,
                $"'{modelType}' is a {model.Manifest.Task!.Value.ToString().ToLowerInvariant()} model; this endpoint needs {wanted} model");
        }

        if (threshold is { } t && !(double.IsFinite(t) && t > 0))
        {
            throw new PredictionException(PredictionError.InvalidThreshold, $"threshold must be a positive number, not {t}");
        }

        return model;
    }

    /// <summary>The first channel of the model input, mapped back to [0, 1], as a PNG.</summary>
    private static byte[] Preview(ReadOnlySpan<float> tensor, PreprocessingSpec spec)
    {
        var plane = tensor[..(spec.TargetWidth * spec.TargetHeight)].ToArray();
        var n = spec.Normalization;
        for (var i = 0; i < plane.Length; i++)
        {
            plane[i] = n.Kind == NormalizationKind.Range
                ? (float)((plane[i] - n.Min) / (n.Max - n.Min))
                : (float)(plane[i] * n.Std![0] + n.Mean![0]);
        }

        return GrayscalePng.Encode(plane, spec.TargetWidth, spec.TargetHeight);
    }
}
