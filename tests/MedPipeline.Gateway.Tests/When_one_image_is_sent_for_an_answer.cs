using System.Net;
using System.Text.Json;
using MedPipeline.Dicom.Writing;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

public sealed class When_one_image_is_sent_for_an_answer
{
    private GatewayFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new GatewayFactory();
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private static ShippedSample Sample(string modelType, string label) =>
        ShippedSample.All().First(s => s.ModelType == modelType && s.Label == label);

    [Test]
    public async Task A_drawn_digit_PNG_is_classified_with_its_probabilities_and_timings()
    {
        var seven = Sample("digit-classifier", "7");

        using var response = await _client.PostAsync("/inference", Upload.Form(seven.ToPng(), "seven.png", "digit-classifier"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.That(root.GetProperty("prediction").GetString(), Is.EqualTo("7"));
        Assert.That(root.GetProperty("confidence").GetDouble(), Is.GreaterThan(0.5));
        Assert.That(root.GetProperty("probabilities").EnumerateObject().Count(), Is.EqualTo(10));
        Assert.That(root.GetProperty("modelType").GetString(), Is.EqualTo("digit-classifier"));
        Assert.That(root.GetProperty("modelVersion").GetString(), Is.EqualTo("1.0.0"));
        var timings = root.GetProperty("timings");
        Assert.That(root.GetProperty("inference_time_ms").GetDouble(),
            Is.EqualTo(timings.GetProperty("decode_ms").GetDouble() + timings.GetProperty("preprocess_ms").GetDouble() + timings.GetProperty("inference_ms").GetDouble()).Within(0.01));
    }

    [Test]
    public async Task A_CT_DICOM_slice_is_classified_and_can_show_the_image_the_model_saw()
    {
        var lesion = Sample("ct-lesion-classifier", "lesion");

        using var response = await _client.PostAsync("/inference?preview=true", Upload.Form(lesion.ToDicom(), "CT_1.dcm", "ct-lesion-classifier"));

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("prediction").GetString(), Is.EqualTo("lesion"));
        Assert.That(json.RootElement.GetProperty("preview").GetString(), Does.StartWith("data:image/png;base64,iVBORw0KGgo"));
        Assert.That(json.RootElement.GetProperty("preprocessing").GetProperty("windowing").GetString(), Is.EqualTo("fixed"));
    }

    [Test]
    public async Task A_multi_frame_DICOM_gets_one_answer_per_frame()
    {
        var frames = new SyntheticDicom
        {
            SopInstanceUid = "1.2.3.1", StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4", Rows = 28, Columns = 28,
            BitsAllocated = 8, BitsStored = 8, Modality = "OT", SopClassUid = SyntheticDicom.SecondaryCaptureStorage, Frames = 3,
            Pixels = [.. Enumerable.Range(0, 3 * 28 * 28).Select(i => i % 7 == 0 ? 255 : 0)],
        };

        using var response = await _client.PostAsync("/inference", Upload.Form(frames.ToBytes(), "multi.dcm", "digit-classifier"));

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("frames").EnumerateArray().Select(f => f.GetProperty("frame").GetInt32()), Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [TestCase("normal", false)]
    [TestCase("anomaly", true)]
    public async Task A_radiograph_gets_the_usual_autoencoder_fields(string label, bool anomalous)
    {
        using var response = await _client.PostAsync("/predict", Upload.Form(Sample("xray-anomaly", label).ToDicom(), "CR_1.dcm"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.That(root.GetProperty("is_anomaly").GetBoolean(), Is.EqualTo(anomalous));
        Assert.That(root.GetProperty("reconstruction_mse").GetDouble(), Is.GreaterThan(0));
        Assert.That(root.GetProperty("threshold").GetDouble(), Is.EqualTo(0.00333218));
        Assert.That(root.GetProperty("inference_time_ms").GetDouble(), Is.GreaterThan(0));
    }

    [Test]
    public async Task A_threshold_in_the_query_replaces_the_calibrated_one()
    {
        using var response = await _client.PostAsync("/predict?threshold=1&modelType=xray-anomaly", Upload.Form(Sample("xray-anomaly", "anomaly").ToDicom(), "CR_1.dcm"));

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("threshold").GetDouble(), Is.EqualTo(1));
        Assert.That(json.RootElement.GetProperty("is_anomaly").GetBoolean(), Is.False);
    }

    [Test]
    public async Task A_JPEG_2000_DICOM_is_decoded_by_the_isolated_codec_and_answered()
    {
        var file = await File.ReadAllBytesAsync("/usr/lib/python3/dist-packages/pydicom/data/test_files/JPEG2000.dcm");

        using var response = await _client.PostAsync("/predict", Upload.Form(file, "JPEG2000.dcm"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("reconstruction_mse").GetDouble(), Is.GreaterThan(0));
    }

    [Test]
    public async Task The_models_are_listed_for_the_page()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/models"));

        Assert.That(json.RootElement.EnumerateArray().Select(m => m.GetProperty("modelType").GetString()),
            Is.EqualTo(new[] { "ct-lesion-classifier", "digit-classifier", "xray-anomaly" }));
    }

    [Test]
    public async Task Eight_requests_at_once_all_get_the_same_answer()
    {
        var seven = Sample("digit-classifier", "7").ToPng();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await _client.PostAsync("/inference", Upload.Form(seven, "seven.png", "digit-classifier"));
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("prediction").GetString();
        }));

        Assert.That(answers, Is.All.EqualTo("7"));
    }

    [Test]
    public async Task The_OpenAPI_document_describes_both_endpoints_when_it_is_made_public()
    {
        using var anonymous = await _client.GetAsync("/openapi/v1.json");
        await using var factory = new GatewayFactory(anonymousSingleImage: true, ("Gateway:Identity:PublicOpenApi", "true"));
        using var client = factory.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.That(anonymous.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Unauthorized), "not public by default");
        Assert.That(document, Does.Contain("\"/inference\"").And.Contain("\"/predict\""));
    }
}
