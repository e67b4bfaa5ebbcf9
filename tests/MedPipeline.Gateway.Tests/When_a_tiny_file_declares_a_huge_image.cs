using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace MedPipeline.Gateway.Tests;

public sealed class When_a_tiny_file_declares_a_huge_image
{
    private const long MaxGrowthBytes = 100L * 1024 * 1024;
    private const long DecodeBudgetBytes = 16L * 1024 * 1024;
    private GatewayFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new GatewayFactory(anonymousSingleImage: true,
            ("Gateway:SingleImage:MaxDecodedBytes", DecodeBudgetBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Gateway:SingleImage:MaxConcurrentDecodes", "2"));
        _client = _factory.CreateClient();
        // One ordinary answer first, so the models, the JIT and the pools are part of the baseline, not of the growth.
        var sample = Testing.ShippedSample.All().First(s => s.ModelType == "digit-classifier").ToPng();
        using var warm = await _client.PostAsync("/inference", Upload.Form(sample, "a.png", "digit-classifier"));
        Assert.That(warm.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("huge.png", "digit-classifier", (Func<byte[]>)(() => DeclaredHugeImages.Png(60_000)), "decode budget")
            .SetName("PNG_declaring_60000x60000");
        yield return new TestCaseData("huge-rle.dcm", "ct-lesion-classifier", (Func<byte[]>)(() => DeclaredHugeImages.RleDicom(60_000, 1)), "decode budget")
            .SetName("RLE_DICOM_declaring_60000x60000");
        yield return new TestCaseData("many-rle.dcm", "ct-lesion-classifier", (Func<byte[]>)(() => DeclaredHugeImages.RleDicom(4096, 500)), "decode budget")
            .SetName("RLE_DICOM_declaring_500_frames_of_4096x4096");
        yield return new TestCaseData("bomb.dcm", "ct-lesion-classifier", (Func<byte[]>)(() => DeclaredHugeImages.DeflatedDicom(2048, 4)), "inflates past")
            .SetName("Deflated_DICOM_inflating_to_32_MB");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task It_is_refused_413_and_the_memory_stays_bounded(string name, string modelType, Func<byte[]> file, string words)
    {
        var bytes = file();
        Assert.That(bytes, Has.Length.LessThan(64 * 1024), "the attack file itself is tiny");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var before = Environment.WorkingSet;
        var peakBefore = process.PeakWorkingSet64;

        // Several at once: the decode gate and the budget together must keep them from multiplying memory.
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _client.PostAsync("/inference", Upload.Form(bytes, name, modelType))));

        process.Refresh();
        var growth = Environment.WorkingSet - before;
        var peakGrowth = process.PeakWorkingSet64 - peakBefore;
        await TestContext.Out.WriteLineAsync($"{name}: {bytes.Length} bytes; working set {before / 1048576} MB -> {Environment.WorkingSet / 1048576} MB, peak {peakBefore / 1048576} MB -> {process.PeakWorkingSet64 / 1048576} MB");
        foreach (var response in answers)
        {
            using (response)
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
                using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                Assert.That(problem.RootElement.GetProperty("detail").GetString(), Does.Contain(words));
            }
        }

        Assert.That(growth, Is.LessThan(MaxGrowthBytes));
        Assert.That(peakGrowth, Is.LessThan(MaxGrowthBytes));
    }

    [Test]
    public async Task The_problem_title_names_the_limit()
    {
        using var response = await _client.PostAsync("/inference", Upload.Form(DeclaredHugeImages.Png(60_000), "huge.png", "digit-classifier"));

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("title").GetString(), Does.Contain("Gateway:SingleImage:MaxDecodedBytes"));
        Assert.That(problem.RootElement.GetProperty("detail").GetString(), Does.Contain("60000×60000").And.Contain(DecodeBudgetBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
