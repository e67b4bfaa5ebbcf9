using System.Diagnostics;
using MedPipeline.Dicom;
using MedPipeline.ModelInput;
using MedPipeline.Models;
using MedPipeline.Onnx;

namespace MedPipeline.Benchmarks.Speed;

/// <summary>
/// The machine's limit for a series: one process reads the same files from a folder, decodes and preprocesses
/// them on every core, and runs the model in batches of 32. No broker, no store, no saga.
/// </summary>
internal static class InProcessSeries
{
    private const int Batch = 32;

    public static async Task<TimeSpan> RunAsync(LoadedModel model, IReadOnlyList<string> folders)
    {
        var spec = model.Manifest.Preprocessing!;
        var length = ImagePreprocessor.TensorLength(spec);
        var shape = model.Manifest.Input!.Shape;
        var files = folders.SelectMany(f => Directory.GetFiles(f).Order(StringComparer.Ordinal)).ToArray();
        var tensor = new float[files.Length * length];
        await PageCache.ReadAsync(files);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Length), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (i, cancellationToken) =>
            {
                var bytes = await File.ReadAllBytesAsync(files[i], cancellationToken);
                var frames = await DicomFile.Read(bytes, Path.GetFileName(files[i])).DecodeFramesAsync(cancellationToken: cancellationToken);
                foreach (var frame in frames)
                {
                    using (frame)
                    {
                        ImagePreprocessor.Preprocess(frame, spec, tensor.AsSpan(i * length, length));
                    }
                }
            });
        for (var start = 0; start < files.Length; start += Batch)
        {
            var rows = Math.Min(Batch, files.Length - start);
            _ = model.Session.Run([new NamedTensor(model.Manifest.Input.Name, tensor.AsMemory(start * length, rows * length),
                [rows, shape[1], shape[2], shape[3]])]);
        }

        return clock.Elapsed;
    }
}
