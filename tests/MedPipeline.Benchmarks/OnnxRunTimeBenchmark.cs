using System.Globalization;
using MedPipeline.Onnx;
using MedPipeline.Testing;

namespace MedPipeline.Benchmarks;

/// <summary>
/// The bare run time (InferenceSession.Run on a prepared input, outputs copied out) of every shipped
/// model and of seed-003's 256×256 autoencoder, at batch 1 and 16 where the model's batch is dynamic.
/// </summary>
internal static class OnnxRunTimeBenchmark
{
    private static readonly SessionSettings Settings = new() { IntraOpThreads = Environment.ProcessorCount, AllowSpinning = false };

    public static void Run(string? autoencoderPath)
    {
        var autoencoder = autoencoderPath ?? Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "peers", "seed003", "ae.onnx"));
        if (!File.Exists(autoencoder))
        {
            throw new FileNotFoundException($"seed-003's autoencoder is not at {autoencoder}; pass its path: -- onnx <path/to/ae.onnx>", autoencoder);
        }

        var models = Directory.GetDirectories(RepositoryPaths.Models).Order(StringComparer.Ordinal)
            .Select(d => (Name: Path.GetFileName(d), Path: Path.Combine(d, "model.onnx"))).Where(m => File.Exists(m.Path))
            .Append((Name: "seed003 ae.onnx", Path: autoencoder)).ToList();
        Console.WriteLine($"Bare run time, {Environment.ProcessorCount} cores, intra-op threads {Settings.IntraOpThreads}, spinning off, " +
            $"ONNX Runtime {OnnxRuntime.Version} (Microsoft.ML.OnnxRuntime)");
        Console.WriteLine($"{"model",-22} {"batch",5} {"runs",6} {"min ms",9} {"median ms",10} {"p90 ms",9} {"runs/s",9} {"images/s",9}");
        foreach (var (name, path) in models)
        {
            using var session = InferenceSession.Open(path, Settings);
            var input = session.Inputs[0];
            foreach (var batch in input.Dimensions[0] < 0 ? new long[] { 1, 16 } : [input.Dimensions[0]])
            {
                long[] shape = [batch, .. input.Dimensions.Skip(1)];
                var data = RandomInput(shape);
                var times = BareRunTimer.Measure(() => session.Run([new NamedTensor(input.Name, data, shape)]));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-22} {batch,5} {times.Runs,6} {times.MinMs,9:F3} {times.MedianMs,10:F3} {times.P90Ms,9:F3} {times.RunsPerSecond,9:F1} {times.RunsPerSecond * batch,9:F1}"));
            }
        }
    }

    private static float[] RandomInput(long[] shape)
    {
        if (shape.Any(d => d <= 0))
        {
            throw new InvalidOperationException($"only the batch dimension may be dynamic here: {string.Join("x", shape)}");
        }

        var random = new Random(7);
        return [.. Enumerable.Range(0, (int)shape.Aggregate(1L, (a, d) => a * d)).Select(_ => (float)random.NextDouble())];
    }
}
