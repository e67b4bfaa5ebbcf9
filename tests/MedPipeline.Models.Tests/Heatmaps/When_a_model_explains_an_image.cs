using MedPipeline.Dicom;
using MedPipeline.Dicom.Writing;
using MedPipeline.Imaging;
using MedPipeline.Imaging.Png;
using MedPipeline.Models.Manifest;
using MedPipeline.ModelInput;
using MedPipeline.ModelRunner;
using MedPipeline.ModelRunner.Heatmaps;
using MedPipeline.Onnx;

namespace MedPipeline.Models.Tests.Heatmaps;

/// <summary>Heatmaps from real (tiny) models: the single-image path and the maps behind it.</summary>
public sealed class When_a_model_explains_an_image
{
    [Test]
    public async Task Occluding_the_pixel_the_classifier_relies_on_drops_its_probability_most()
    {
        using var folder = new ModelFolder();
        folder.Add(ModelFolder.Classifier(), "tiny-classifier.onnx");
        using var registry = ModelRegistry.Load(folder.Root);
        registry.TryGet("tiny-classifier", out var model);

        // softmax of the four pixels: class "b" wins because of pixel 1.
        var map = await new HeatmapMaker(new BatchInference(1)).MapAsync(model, new float[] { 0.1f, 0.9f, 0.2f, 0.3f }, label: null, CancellationToken.None);

        Assert.That(Array.IndexOf(map, map.Max()), Is.EqualTo(1));
        Assert.That(map.Where((_, i) => i != 1), Has.All.LessThan(map[1] / 2));
    }

    [Test]
    public async Task The_error_map_of_an_autoencoder_is_its_input_against_its_reconstruction_per_pixel()
    {
        using var folder = new ModelFolder();
        folder.Add(ModelFolder.OwnAutoencoder(), "tiny-autoencoder/model.onnx");
        using var registry = ModelRegistry.Load(folder.Root);
        registry.TryGet("own-autoencoder", out var model);
        var input = Enumerable.Range(0, 256).Select(i => (i % 17) / 16f).ToArray();
        var reconstruction = model.Session.Run([new NamedTensor("image", input.ToArray(), [1, 1, 16, 16])], ["reconstruction"]).Single().Data;

        var map = await new HeatmapMaker(new BatchInference(1)).MapAsync(model, input, label: null, CancellationToken.None);

        Assert.That(map, Is.EqualTo(input.Zip(reconstruction, (a, b) => (a - b) * (a - b)).ToArray()).Within(1e-6f));
    }

    [Test]
    public async Task The_anomaly_answer_carries_a_PNG_of_the_source_size_that_our_decoder_reads_back()
    {
        using var folder = new ModelFolder();
        folder.Add(ModelFolder.OwnAutoencoder(), "tiny-autoencoder/model.onnx");
        using var registry = ModelRegistry.Load(folder.Root);

        var prediction = await new ImagePredictor(registry, new PredictionOptions())
            .PredictAsync(Dicom("CR", SyntheticDicom.CrImageStorage), "cr.dcm", "own-autoencoder", ModelTask.Anomaly, withHeatmap: true);

        var heatmap = prediction.Heatmap!;
        Assert.That((heatmap.Frame, heatmap.Heatmap.Width, heatmap.Heatmap.Height), Is.EqualTo((1, 40, 48)));
        using var decoded = PngDecoder.Decode(heatmap.Heatmap.Png, maxPixels: 10_000);
        Assert.That((decoded.Width, decoded.Height, decoded.Color), Is.EqualTo((40, 48, ColorModel.Rgb)));
    }

    [Test]
    public async Task The_classifier_answer_carries_an_occlusion_heatmap_of_the_source_size()
    {
        using var folder = new ModelFolder();
        folder.Add(ModelFolder.Classifier(), "tiny-classifier.onnx");
        using var registry = ModelRegistry.Load(folder.Root);

        var prediction = await new ImagePredictor(registry, new PredictionOptions())
            .PredictAsync(Dicom("CT", SyntheticDicom.CtImageStorage), "ct.dcm", "tiny-classifier", ModelTask.Classification, withHeatmap: true);

        using var decoded = PngDecoder.Decode(prediction.Heatmap!.Heatmap.Png, maxPixels: 10_000);
        Assert.That((decoded.Width, decoded.Height), Is.EqualTo((40, 48)));
    }

    [Test]
    public async Task Without_the_flag_no_heatmap_is_made_and_with_it_an_MSE_only_model_is_refused()
    {
        using var folder = new ModelFolder();
        folder.Add(ModelFolder.Anomaly(), "tiny-anomaly.onnx");
        using var registry = ModelRegistry.Load(folder.Root);
        var predictor = new ImagePredictor(registry, new PredictionOptions());
        var dicom = Dicom("CR", SyntheticDicom.CrImageStorage);

        var plain = await predictor.PredictAsync(dicom, "cr.dcm", "tiny-anomaly", ModelTask.Anomaly);
        var refused = Assert.ThrowsAsync<PredictionException>(() => predictor.PredictAsync(dicom, "cr.dcm", "tiny-anomaly", ModelTask.Anomaly, withHeatmap: true));

        Assert.That(plain.Heatmap, Is.Null);
        Assert.That(refused!.Error, Is.EqualTo(PredictionError.HeatmapUnavailable));
    }

    private static byte[] Dicom(string modality, string sopClassUid)
    {
        var random = new Random(5);
        return new SyntheticDicom
        {
            SopClassUid = sopClassUid, Modality = modality, SopInstanceUid = "1.2.3.1", StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4",
            Rows = 48, Columns = 40, BitsStored = 12, Pixels = [.. Enumerable.Range(0, 48 * 40).Select(_ => random.Next(0, 4096))],
        }.ToBytes();
    }
}
