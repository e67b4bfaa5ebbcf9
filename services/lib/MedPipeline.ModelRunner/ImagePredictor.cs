using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using MedPipeline.Dicom;
using MedPipeline.Imaging;
using MedPipeline.Models;
using MedPipeline.Models.Manifest;
using MedPipeline.Onnx;
using MedPipeline.ModelInput;

namespace MedPipeline.ModelRunner;

/// <summary>
/// One file in, one answer per frame out: decode, preprocess per the model's manifest, run the shared
/// session (at most <see cref="PredictionOptions.MaxConcurrentRunsPerModel"/> runs of a model at once),
/// and read the outputs. Used by the gateway's synchronous endpoints and by `medpipe predict`.
/// </summary>
public sealed class ImagePredictor(ModelRegistry registry, PredictionOptions options, ICompressedFrameDecoder? codecs = null)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public async Task<ImagePrediction> PredictAsync(ReadOnlyMemory<byte> file, string fileName, string modelType, ModelTask task,
        double? threshold = null, bool withPreview = false, CancellationToken cancellationToken = default)
    {
        var model = Resolve(modelType, task, threshold);
        var manifest = model.Manifest;
        var spec = manifest.Preprocessing!;
        var clock = Stopwatch.StartNew();
        var (frames, format) = await ImageDecoding.DecodeAsync(file, fileName, codecs, options, cancellationToken);
        var decodeMs = clock.Elapsed.TotalMilliseconds;
        var length = ImagePreprocessor.TensorLength(spec);
        var batch = ArrayPool<float>.Shared.Rent(length * frames.Count);
        try
        {
            clock.Restart();
            var summaries = ImagePreprocessor.PreprocessBatch(frames, spec, batch.AsSpan(0, length * frames.Count));
            var preprocessMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var outputs = await RunAsync(model, batch.AsMemory(0, length * frames.Count), frames.Count, cancellationToken);
            var inferenceMs = clock.Elapsed.TotalMilliseconds;
            var preview = withPreview ? Preview(batch.AsSpan(0, length), spec) : null;
            return new ImagePrediction(manifest, Read(manifest, outputs, frames.Count, threshold),
                new PredictionTimings(decodeMs, preprocessMs, inferenceMs), summaries[0], format, preview);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(batch);
            foreach (var frame in frames)
            {
                frame.Dispose();
            }
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

    private async Task<IReadOnlyList<TensorResult>> RunAsync(LoadedModel model, Memory<float> batch, int count, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(model.Manifest.ModelType, _ => new SemaphoreSlim(options.MaxConcurrentRunsPerModel));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var shape = model.Manifest.Input!.Shape;
            return model.Session.Run([new NamedTensor(model.Manifest.Input.Name, batch, [count, shape[1], shape[2], shape[3]])],
                [.. model.Manifest.Outputs.Where(o => o.Key != "reconstruction").Select(o => o.Value)]);
        }
        finally
        {
            gate.Release();
        }
    }

    private static FramePrediction[] Read(ModelManifest manifest, IReadOnlyList<TensorResult> outputs, int count, double? threshold)
    {
        var result = new FramePrediction[count];
        if (manifest.Task == ModelTask.Classification)
        {
            var probabilities = outputs.Single(o => o.Name == manifest.Outputs["probabilities"]).Data;
            var classes = manifest.Labels!.Count;
            for (var i = 0; i < count; i++)
            {
                result[i] = new FramePrediction(i + 1, SeriesAggregation.Classify(manifest.Labels, probabilities.AsSpan(i * classes, classes)), null);
            }
        }
        else
        {
            var mse = outputs.Single(o => o.Name == manifest.Outputs["reconstructionMse"]).Data;
            for (var i = 0; i < count; i++)
            {
                result[i] = new FramePrediction(i + 1, null, SeriesAggregation.Anomaly(mse[i], threshold ?? manifest.Threshold!.Value));
            }
        }

        return result;
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
