using System.Diagnostics;
using System.Net;
using System.Text.Json;
using MedPipeline.Imaging.Png;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

public sealed class When_a_single_image_heatmap_is_asked_for
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
    public async Task An_anomaly_answer_carries_the_reconstruction_error_PNG_at_the_radiograph_size()
    {
        var anomaly = Sample("xray-anomaly", "anomaly");

        using var response = await _client.PostAsync("/predict?heatmap=true", Upload.Form(anomaly.ToDicom(), "cr.dcm"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        AssertHeatmap(json.RootElement.GetProperty("heatmap"), anomaly.Entry.GetProperty("width").GetInt32(), anomaly.Entry.GetProperty("height").GetInt32());
    }

    [Test]
    public async Task A_classifier_answer_carries_the_occlusion_PNG_at_the_image_size()
    {
        var lesion = Sample("ct-lesion-classifier", "lesion");
        var clock = Stopwatch.StartNew();

        using var response = await _client.PostAsync("/inference?heatmap=true", Upload.Form(lesion.ToDicom(), "ct.dcm", "ct-lesion-classifier"));

        TestContext.Out.WriteLine($"classifier with heatmap answered in {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("prediction").GetString(), Is.EqualTo("lesion"));
        AssertHeatmap(json.RootElement.GetProperty("heatmap"), lesion.Entry.GetProperty("width").GetInt32(), lesion.Entry.GetProperty("height").GetInt32());
    }

    [TestCase("/predict")]
    [TestCase("/predict?heatmap=false")]
    public async Task Without_the_flag_the_answer_has_no_heatmap(string path)
    {
        using var response = await _client.PostAsync(path, Upload.Form(Sample("xray-anomaly", "normal").ToDicom(), "cr.dcm"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.TryGetProperty("heatmap", out _), Is.False);
    }

    [TestCase("/predict?heatmap=maybe")]
    [TestCase("/inference?heatmap=1")]
    public async Task A_value_other_than_true_or_false_is_a_400_naming_the_parameter(string path)
    {
        using var response = await _client.PostAsync(path, Upload.Form(Sample("ct-lesion-classifier", "lesion").ToDicom(), "ct.dcm", "ct-lesion-classifier"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("'heatmap' parameter must be true or false"));
    }

    private static void AssertHeatmap(JsonElement heatmap, int width, int height)
    {
        Assert.That(heatmap.GetProperty("mediaType").GetString(), Is.EqualTo("image/png"));
        Assert.That((heatmap.GetProperty("width").GetInt32(), heatmap.GetProperty("height").GetInt32()), Is.EqualTo((width, height)));
        using var decoded = PngDecoder.Decode(Convert.FromBase64String(heatmap.GetProperty("data").GetString()!), maxPixels: 100_000_000);
        Assert.That((decoded.Width, decoded.Height), Is.EqualTo((width, height)));
        TestContext.Out.WriteLine($"heatmap {width}×{height} made in {heatmap.GetProperty("heatmap_ms").GetDouble():F1} ms");
    }
}
