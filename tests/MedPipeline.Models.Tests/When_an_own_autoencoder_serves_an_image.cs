using MedPipeline.Dicom;
using MedPipeline.Dicom.Writing;
using MedPipeline.Models.Manifest;
using MedPipeline.ModelInput;
using MedPipeline.ModelRunner;
using MedPipeline.Onnx;

namespace MedPipeline.Models.Tests;

/// <summary>
/// The single-image path POST /predict and `medpipe predict` use, with a registered own autoencoder: it just
/// works once the manifest says the MSE comes from the reconstruction.
/// </summary>
public sealed class When_an_own_autoencoder_serves_an_image
{
    [Test]
    public async Task The_answer_is_the_MSE_of_the_preprocessed_image_against_its_reconstruction()
    {
        using var folder = new ModelFolder();
        folder.Add(ModelFolder.OwnAutoencoder(), "tiny-autoencoder/model.onnx");
        using var registry = ModelRegistry.Load(folder.Root);
        registry.TryGet("own-autoencoder", out var model);
        var random = new Random(5);
        var dicom = new SyntheticDicom
        {
            SopClassUid = SyntheticDicom.CrImageStorage, Modality = "CR", SopInstanceUid = "1.2.3.1", StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4",
            Rows = 48, Columns = 40, BitsStored = 12, Pixels = [.. Enumerable.Range(0, 48 * 40).Select(_ => random.Next(0, 4096))],
        }.ToBytes();
        var spec = model.Manifest.Preprocessing!;
        var input = new float[ImagePreprocessor.TensorLength(spec)];
        using (var frame = (await DicomFile.Read(dicom, "cr.dcm").DecodeFramesAsync()).Single())
        {
            ImagePreprocessor.Preprocess(frame, spec, input);
        }

        var reconstruction = model.Session.Run([new NamedTensor("image", input.ToArray(), [1, 1, 16, 16])], ["reconstruction"]).Single().Data;
        var expected = input.Zip(reconstruction).Average(p => Math.Pow((double)p.First - p.Second, 2));

        var prediction = await new ImagePredictor(registry, new PredictionOptions()).PredictAsync(dicom, "cr.dcm", "own-autoencoder", ModelTask.Anomaly, threshold: 0.01);

        var anomaly = prediction.Frames.Single().Anomaly!;
        Assert.That(anomaly.ReconstructionMse, Is.EqualTo(expected).Within(1e-3).Percent);
        Assert.That(anomaly.Threshold, Is.EqualTo(0.01));
        Assert.That(anomaly.IsAnomaly, Is.EqualTo(expected > 0.01));
        Assert.That(prediction.Preprocessing.Windowing, Is.EqualTo("minmax"));
    }
}
