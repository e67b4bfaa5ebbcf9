using MedPipeline.LocalStack;
using MedPipeline.Testing;
using Microsoft.Playwright;

namespace MedPipeline.WebPage.Tests;

/// <summary>The single-image page in Debian's Chromium, driven by Playwright like a person would use it.</summary>
public sealed class When_a_person_uses_the_page
{
    private LocalGateway _gateway = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        Assert.That(File.Exists("/usr/bin/chromium"), Is.True, "browser tests need Debian's chromium: apt-get install chromium (infra/setup.sh does)");
        _gateway = await LocalGateway.StartAsync(Path.Combine(AppContext.BaseDirectory, "MedPipeline.Gateway.dll"), RepositoryPaths.Root, TimeSpan.FromSeconds(60));
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
        await _gateway.DisposeAsync();
    }

    [Test]
    public async Task A_digit_drawn_with_the_mouse_is_recognised()
    {
        var page = await OpenAsync();
        var box = (await page.Locator("#canvas").BoundingBoxAsync())!;
        float X(float fraction) => box.X + box.Width * fraction;
        float Y(float fraction) => box.Y + box.Height * fraction;
        await page.Mouse.MoveAsync(X(0.22f), Y(0.2f));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(X(0.78f), Y(0.2f), new MouseMoveOptions { Steps = 12 });
        await page.Mouse.MoveAsync(X(0.42f), Y(0.85f), new MouseMoveOptions { Steps = 16 });
        await page.Mouse.UpAsync();

        await page.ClickAsync("#predict-drawing");

        await Assertions.Expect(page.Locator("#answer")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^7 \\("));
        await Assertions.Expect(page.Locator("#bars li")).ToHaveCountAsync(10);
        await Screenshot(page, "drawn-seven.png");
    }

    [Test]
    public async Task An_uploaded_CT_DICOM_shows_its_answer_and_the_image_the_model_saw()
    {
        var page = await OpenAsync();
        var dicom = Path.Combine(Path.GetTempPath(), $"CT_lesion_{Guid.NewGuid():N}.dcm");
        await File.WriteAllBytesAsync(dicom, ShippedSample.All().First(s => s.ModelType == "ct-lesion-classifier" && s.Label == "lesion").ToDicom());
        try
        {
            await page.SelectOptionAsync("#model", "ct-lesion-classifier");
            await page.SetInputFilesAsync("#file", dicom);
            await page.ClickAsync("#predict-file");

            await Assertions.Expect(page.Locator("#answer")).ToContainTextAsync("lesion");
            await Assertions.Expect(page.Locator("#preview-figure")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#timing")).ToContainTextAsync("Server:");
            await Screenshot(page, "ct-dicom.png");
        }
        finally
        {
            File.Delete(dicom);
        }
    }

    [Test]
    public async Task A_file_that_is_not_an_image_shows_what_is_wrong()
    {
        var page = await OpenAsync();
        var text = Path.Combine(Path.GetTempPath(), $"notes_{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(text, "not an image");
        try
        {
            await page.SetInputFilesAsync("#file", text);
            await page.ClickAsync("#predict-file");

            await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Not an image.");
        }
        finally
        {
            File.Delete(text);
        }
    }

    [Test]
    public async Task The_controls_are_reachable_by_keyboard_and_the_page_fits_a_narrow_screen()
    {
        var page = await OpenAsync(new ViewportSize { Width = 360, Height = 740 });
        var reached = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("document.activeElement.id"));
        }

        Assert.That(reached, Is.SupersetOf(new[] { "model", "file", "predict-file", "canvas", "predict-drawing", "clear" }));
        Assert.That(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(360));
        await Screenshot(page, "narrow.png");
    }

    private async Task<IPage> OpenAsync(ViewportSize? viewport = null)
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = viewport ?? new ViewportSize { Width = 1100, Height = 900 } });
        await page.GotoAsync(_gateway.Address.ToString());
        await Assertions.Expect(page.Locator("#model option")).ToHaveCountAsync(3);
        return page;
    }

    private static async Task Screenshot(IPage page, string name)
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
    }
}
