using MedPipeline.LocalStack;
using MedPipeline.SampleData;
using MedPipeline.Testing;
using Microsoft.Playwright;

namespace MedPipeline.WebPage.Tests;

/// <summary>
/// The series page in Debian's Chromium against a whole local pipeline: a ZIP sent from the page, its live
/// progress and its result shown. With MEDPIPE_UPDATE_SCREENSHOTS=1 the finished page is saved as docs/series-page.png.
/// </summary>
[NonParallelizable]
public sealed class When_a_person_follows_a_series
{
    private LocalPipeline _pipeline = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        Assert.That(File.Exists("/usr/bin/chromium"), Is.True, "browser tests need Debian's chromium: apt-get install chromium (infra/setup.sh does)");
        var broker = await TestServices.RabbitMqAsync();
        var postgres = await TestServices.PostgresAsync();
        _pipeline = await LocalPipeline.StartAsync(new PipelineSettings(RepositoryPaths.Root, TestBuild.Configuration, broker,
            await postgres.CreatePipelineDatabaseAsync("page")) { Organization = "st-olaf" });
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _pipeline.DisposeAsync();
        await TestServices.StopAsync();
    }

    [Test]
    public async Task A_series_sent_from_the_page_shows_its_live_progress_and_then_its_result()
    {
        var series = new SampleSeriesFactory(RepositoryPaths.Models).ForModel("ct-lesion-classifier", 24, "lesion");
        var zip = Path.Combine(Path.GetTempPath(), series.FileName);
        await File.WriteAllBytesAsync(zip, series.Zip);
        try
        {
            var page = await OpenAsync(new ViewportSize { Width = 1000, Height = 900 });
            await page.FillAsync("#api-key", _pipeline.ApiKey);
            await page.SelectOptionAsync("#series-model", "ct-lesion-classifier");
            await page.SetInputFilesAsync("#archive", zip);
            await Assertions.Expect(page.Locator("#series-uid")).ToHaveValueAsync(series.SeriesInstanceUid);
            await Assertions.Expect(page.Locator("#study-uid")).ToHaveValueAsync(series.StudyInstanceUid);

            await page.ClickAsync("#send-series");

            await Assertions.Expect(page.Locator("#outcome")).ToContainTextAsync("lesion", new() { Timeout = 90_000 });
            var events = await page.Locator("#events li").AllTextContentsAsync();
            Assert.That(events[0], Is.EqualTo("connected (WebSocket)"), "the page's CSP lets it reach the gateway's socket");
            Assert.That(events.Where(e => e.StartsWith("progress preprocessing", StringComparison.Ordinal)), Is.Not.Empty, string.Join("\n", events));
            Assert.That(events, Does.Contain("progress preprocessing 24/24"));
            Assert.That(events[^1], Is.EqualTo("result"));
            await Assertions.Expect(page.Locator("#progress-text")).ToHaveTextAsync("Finished: completed");
            await Assertions.Expect(page.Locator("#instances tbody tr")).ToHaveCountAsync(24);
            // The three deciding slices' heatmaps (Heatmaps:TopK), fetched with the key and decoded by the browser.
            await Assertions.Expect(page.Locator("#heatmaps img")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#heatmaps-section")).ToBeVisibleAsync();
            Assert.That(await page.Locator("#heatmaps img").First.EvaluateAsync<int>("img => img.decode().then(() => img.naturalWidth)"),
                Is.GreaterThan(0), "the PNG the gateway served is a picture the browser can show");
            await Screenshot(page, "series-page.png");
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Test]
    public async Task The_form_is_reachable_by_keyboard_and_the_page_fits_a_narrow_screen()
    {
        var page = await OpenAsync(new ViewportSize { Width = 360, Height = 740 });
        var reached = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("document.activeElement.id"));
        }

        Assert.That(reached.Take(7), Is.EqualTo(new[] { "api-key", "series-model", "archive", "study-uid", "series-uid", "predict-again", "send-series" }));
        Assert.That(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(360));
        foreach (var control in new[] { "#api-key", "#series-model", "#archive", "#study-uid", "#series-uid", "#progress" })
        {
            Assert.That(await page.Locator($"label[for='{control[1..]}']").CountAsync(), Is.EqualTo(1), control);
        }
    }

    private async Task<IPage> OpenAsync(ViewportSize viewport)
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = viewport });
        await page.GotoAsync(new Uri(_pipeline.Gateway, "series.html").ToString());
        await Assertions.Expect(page.Locator("#series-model option")).ToHaveCountAsync(3);
        return page;
    }

    private static async Task Screenshot(IPage page, string name)
    {
        var path = Environment.GetEnvironmentVariable("MEDPIPE_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryPaths.Root, "docs", name)
            : Path.Combine(TestContext.CurrentContext.WorkDirectory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
    }
}
