using System.Buffers;
using System.Diagnostics;
using MedPipeline.Dicom;
using MedPipeline.Imaging;
using MedPipeline.Models;
using MedPipeline.Models.Manifest;
using MedPipeline.ModelInput;
using MedPipeline.ModelRunner.Heatmaps;

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
        double? threshold = null, bool withPreview = false, bool withHeatmap = false, CancellationToken cancellationToken = default)
    {
        var model = Resolve(modelType, task, threshold);
        var manifest = model.Manifest;
        if (withHeatmap)
        {
            HeatmapMaker.EnsureAvailable(manifest);
        }

        var spec = manifest.Preprocessing!;
        var length = ImagePreprocessor.TensorLength(spec);
        var (batch, count, summary, format, decodeMs, preprocessMs, displays) =
            await DecodeAndPreprocessAsync(file, fileName, spec, length, withHeatmap, cancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            var answers = await _inference.RunAsync(model, batch.AsMemory(0, length * count), count, threshold, cancellationToken);
            var inferenceMs = clock.Elapsed.TotalMilliseconds;
            var preview = withPreview ? ModelInputPreview.Png(batch.AsSpan(0, length), spec) : null;
            var heatmap = displays is null ? null : await HeatmapOfDecidingFrameAsync(model, batch, length, answers, displays, cancellationToken);
            return new ImagePrediction(manifest, [.. answers.Select((a, i) => new FramePrediction(i + 1, a))],
                new PredictionTimings(decodeMs, preprocessMs, inferenceMs), summary, format, preview, heatmap);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(batch);
        }
    }

    /// <summary>
    /// The frame that decided the answer (highest reconstruction error, or highest probability of its class) painted
    /// over its source; one heatmap per request whatever the frame count.
    /// </summary>
    private async Task<FrameHeatmap> HeatmapOfDecidingFrameAsync(LoadedModel model, float[] batch, int length, IReadOnlyList<InstanceAnswer> answers,
        IReadOnlyList<DisplayImage> displays, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var scores = answers.Select(a => a.Anomaly?.ReconstructionMse ?? a.Classification!.Probability).ToList();
        var decider = scores.IndexOf(scores.Max());
        var heatmap = await new HeatmapMaker(_inference).MakeAsync(model, batch.AsMemory(decider * length, length), answers[decider].Classification?.PredictedClass,
            displays[decider], cancellationToken);
        return new FrameHeatmap(decider + 1, heatmap, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// Decodes and preprocesses inside the decode gate; the frames are gone before the model runs. With a heatmap asked
    /// for, each frame's 8-bit display image is kept (a quarter of the decoded frame) to paint over.
    /// </summary>
    private async Task<(float[] Batch, int Count, PreprocessingSummary Summary, string Format, double DecodeMs, double PreprocessMs, IReadOnlyList<DisplayImage>? Displays)>
        DecodeAndPreprocessAsync(ReadOnlyMemory<byte> file, string fileName, PreprocessingSpec spec, int length, bool withDisplays, CancellationToken cancellationToken)
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
                    var displays = withDisplays ? frames.Select(f => DisplayImage.Of(f, spec)).ToList() : null;
                    return (batch, frames.Count, summaries[0], format, decodeMs, clock.Elapsed.TotalMilliseconds, displays);
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
}
