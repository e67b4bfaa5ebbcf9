using System.Collections.Concurrent;
using MedPipeline.Models;
using MedPipeline.Onnx;

namespace MedPipeline.ModelRunner;

/// <summary>
/// The one inference core: runs a loaded model over a batch of prepared input rows (N×C×H×W, as the
/// manifest's preprocessing makes them) and answers per row. At most <c>maxConcurrentRunsPerModel</c> runs
/// of a model at once, so requests wait their turn instead of oversubscribing the cores. Serves the
/// single-image endpoints, `medpipe predict` and the Inference worker alike.
/// </summary>
public sealed class BatchInference(int maxConcurrentRunsPerModel)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>
    /// Answers <paramref name="rows"/> rows of <paramref name="inputs"/>; an anomaly model judges against
    /// <paramref name="threshold"/>, or its manifest's threshold when null.
    /// </summary>
    public async Task<IReadOnlyList<InstanceAnswer>> RunAsync(LoadedModel model, Memory<float> inputs, int rows, double? threshold,
        CancellationToken cancellationToken)
    {
        var manifest = model.Manifest;
        var shape = manifest.Input!.Shape;
        var outputs = await RunGatedAsync(model, inputs, rows, ModelOutputMapping.WantedOutputs(manifest), cancellationToken);
        return ModelOutputMapping.Answers(manifest, inputs.Span[..(rows * (int)(shape[1] * shape[2] * shape[3]))], outputs, rows, threshold ?? manifest.Threshold ?? 0);
    }

    /// <summary>The raw values of the output the manifest names for <paramref name="role"/> (e.g. "reconstruction"), for every row.</summary>
    public async Task<float[]> RunOutputAsync(LoadedModel model, Memory<float> inputs, int rows, string role, CancellationToken cancellationToken)
    {
        var name = model.Manifest.Outputs[role];
        var outputs = await RunGatedAsync(model, inputs, rows, [name], cancellationToken);
        return outputs.Single().Data;
    }

    private async Task<IReadOnlyList<TensorResult>> RunGatedAsync(LoadedModel model, Memory<float> inputs, int rows, string[] outputNames,
        CancellationToken cancellationToken)
    {
        var manifest = model.Manifest;
        var shape = manifest.Input!.Shape;
        var gate = _gates.GetOrAdd(manifest.ModelType, _ => new SemaphoreSlim(maxConcurrentRunsPerModel));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return model.Session.Run([new NamedTensor(manifest.Input.Name, inputs, [rows, shape[1], shape[2], shape[3]])], outputNames);
        }
        finally
        {
            gate.Release();
        }
    }
}
