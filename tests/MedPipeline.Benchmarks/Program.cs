using MedPipeline.Benchmarks;
using MedPipeline.Dicom;
using MedPipeline.Dicom.Codecs;
using MedPipeline.Dicom.Writing;
using MedPipeline.Imaging;
using MedPipeline.Models;
using MedPipeline.Onnx;
using MedPipeline.ModelInput;
using MedPipeline.Testing;

// Decode, preprocess and inference throughput on this machine, or POST /predict latency. Usage:
//   dotnet run -c Release --project tests/MedPipeline.Benchmarks [-- latency [requests] | -- series [count] | -- onnx [path/to/ae.onnx] | -- chaos [count] | -- speed [p1] [p2] [p3] [p5] | -- similar [count]]
if (args.Length > 0 && args[0] == "chaos")
{
    Environment.ExitCode = await MedPipeline.Benchmarks.Chaos.ChaosBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000);
    return;
}

if (args.Length > 0 && args[0] == "speed")
{
    await MedPipeline.Benchmarks.Speed.SpeedBenchmark.RunAsync(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "similar")
{
    await SimilarCaseBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return;
}

if (args.Length > 0 && args[0] == "onnx")
{
    OnnxRunTimeBenchmark.Run(args.Length > 1 ? args[1] : null);
    return;
}

if (args.Length > 0 && args[0] == "series")
{
    await SeriesBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
    return;
}

if (args.Length > 0 && args[0] == "latency")
{
    await LatencyBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 400);
    return;
}

Console.WriteLine($"MedPipeline throughput, {Environment.ProcessorCount} cores, ONNX Runtime {OnnxRuntime.Version}");
var random = new Random(1);
var ct = new SyntheticDicom
{
    SopInstanceUid = "1.2.3.1", StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4", Rows = 512, Columns = 512, BitsStored = 12,
    RescaleSlope = 1, RescaleIntercept = -1024, WindowCenter = 40, WindowWidth = 400,
    Pixels = [.. Enumerable.Range(0, 512 * 512).Select(_ => random.Next(0, 4096))],
};
var native = ct.ToBytes();
var rle = (ct with { Rle = true, Pixels = [.. Enumerable.Range(0, 512 * 512).Select(i => (i / 7 % 300) + 900)] }).ToBytes();
var spec = new PreprocessingSpec
{
    TargetWidth = 64, TargetHeight = 64, Resize = ResizeMethod.Area,
    Windowing = new WindowingSpec { Rule = WindowingRule.Fixed, Center = 40, Width = 400 },
    Normalization = new NormalizationSpec { Kind = NormalizationKind.Range, Min = 0, Max = 1 },
};
var tensor = new float[ImagePreprocessor.TensorLength(spec)];

Throughput.Measure("decode 512x512 16-bit CT DICOM (explicit VR LE)", 1, () =>
{
    foreach (var frame in DicomFile.Read(native, "ct.dcm").DecodeFramesAsync().GetAwaiter().GetResult()) frame.Dispose();
});
Throughput.Measure("decode 512x512 16-bit CT DICOM (RLE Lossless)", 1, () =>
{
    foreach (var frame in DicomFile.Read(rle, "rle.dcm").DecodeFramesAsync().GetAwaiter().GetResult()) frame.Dispose();
});
using (var frame = DicomFile.Read(native, "ct.dcm").DecodeFramesAsync().GetAwaiter().GetResult()[0])
{
    Throughput.Measure("preprocess 512x512 CT -> 1x64x64 (HU window 40/400, area)", 1, () => ImagePreprocessor.Preprocess(frame, spec, tensor));
    // The seed-003 peer's preprocessing (min-max, bilinear to 256x256), as POST /predict runs it for its autoencoder.
    var peer = spec with { TargetWidth = 256, TargetHeight = 256, Resize = ResizeMethod.Bilinear, Windowing = new WindowingSpec { Rule = WindowingRule.MinMax } };
    var peerTensor = new float[ImagePreprocessor.TensorLength(peer)];
    Throughput.Measure("preprocess 512x512 CT -> 1x256x256 (min-max, bilinear; the peer's)", 1, () => ImagePreprocessor.Preprocess(frame, peer, peerTensor));
}

var png = GrayscalePng.Encode([.. Enumerable.Range(0, 512 * 512).Select(i => (i % 512) / 512f)], 512, 512);
Throughput.Measure("decode 512x512 8-bit gray PNG (libspng)", 1, () => ImageDecoder.Decode(png).Dispose());
var jpeg2000 = File.ReadAllBytes("/usr/lib/python3/dist-packages/pydicom/data/test_files/JPEG2000.dcm");
await using (var codecs = new CodecProcessPool(new CodecPoolOptions { PoolSize = Environment.ProcessorCount }))
{
    var info = DicomFile.Read(jpeg2000, "j2k.dcm").Image;
    Throughput.Measure($"decode {info.Columns}x{info.Rows} JPEG 2000 DICOM (GDCM in {Environment.ProcessorCount} codec processes)", 4, () =>
        Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            foreach (var frame in await DicomFile.Read(jpeg2000, "j2k.dcm").DecodeFramesAsync(codecs)) frame.Dispose();
        })).GetAwaiter().GetResult());
}

using var registry = ModelRegistry.Load(RepositoryPaths.Models, new SessionSettings { IntraOpThreads = Environment.ProcessorCount, AllowSpinning = false });
foreach (var model in registry.Models.OrderBy(m => m.Manifest.ModelType, StringComparer.Ordinal))
{
    var shape = model.Manifest.Input!.Shape;
    foreach (var batch in new[] { 1, 16 })
    {
        var input = new float[batch * shape[1] * shape[2] * shape[3]];
        var tensorShape = new long[] { batch, shape[1], shape[2], shape[3] };
        Throughput.Measure($"infer {model.Manifest.ModelType} (batch {batch})", batch,
            () => model.Session.Run([new NamedTensor(model.Manifest.Input.Name, input, tensorShape)]));
    }
}
