using System.IO.Compression;
using System.Text.Json;
using MedPipeline.Testing;

namespace MedPipeline.Cli.Tests;

public sealed class When_medpipe_predict_runs
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("medpipe-cli-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_folder_of_CT_slices_prints_one_row_per_instance_and_the_series_result()
    {
        var slices = ShippedSample.All().Where(s => s.ModelType == "ct-lesion-classifier").Take(10).ToList();
        foreach (var (slice, i) in slices.Select((s, i) => (s, i)))
        {
            await File.WriteAllBytesAsync(Path.Combine(_folder, $"CT_{i + 1:D2}.dcm"), slice.ToDicom());
        }

        var (exitCode, output, error) = await Medpipe.RunAsync("predict", _folder, "--model", "ct-lesion-classifier", "--json");

        Assert.That(exitCode, Is.Zero, error);
        using var json = JsonDocument.Parse(output);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.That(rows.Select(r => r.GetProperty("prediction").GetString()), Is.EqualTo(slices.Select(s => s.Label)));
        var series = json.RootElement.GetProperty("series");
        Assert.That(series.GetProperty("rule").GetString(), Is.EqualTo("max-positive"));
        Assert.That(series.GetProperty("prediction").GetString(), Is.EqualTo(slices.Any(s => s.Label == "lesion") ? "lesion" : "normal"));
    }

    [Test]
    public async Task A_ZIP_of_normal_radiographs_is_not_anomalous_as_a_series()
    {
        var zipPath = Path.Combine(_folder, "series.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            foreach (var (sample, i) in ShippedSample.All().Where(s => s.ModelType == "xray-anomaly" && s.Label == "normal").Select((s, i) => (s, i)))
            {
                using var entry = zip.CreateEntry($"CR_{i + 1}.dcm").Open();
                entry.Write(sample.ToDicom());
            }
        }

        var (exitCode, output, error) = await Medpipe.RunAsync("predict", zipPath, "--model", "xray-anomaly", "--json");

        Assert.That(exitCode, Is.Zero, error);
        using var json = JsonDocument.Parse(output);
        Assert.That(json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("is_anomaly").GetBoolean()), Is.All.False);
        Assert.That(json.RootElement.GetProperty("series").GetProperty("is_anomaly").GetBoolean(), Is.False);
    }

    [Test]
    public async Task A_single_PNG_prints_a_table_with_the_answer()
    {
        var png = Path.Combine(_folder, "three.png");
        await File.WriteAllBytesAsync(png, ShippedSample.All().First(s => s.ModelType == "digit-classifier" && s.Label == "3").ToPng());

        var (exitCode, output, _) = await Medpipe.RunAsync("predict", png, "--model", "digit-classifier");

        Assert.That(exitCode, Is.Zero);
        Assert.That(output, Does.Contain("three.png").And.Contain("│ 3 "));
    }

    [Test]
    public async Task A_file_that_is_not_an_image_is_reported_and_the_exit_code_says_so()
    {
        var notes = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(notes, "not an image");

        var (exitCode, output, _) = await Medpipe.RunAsync("predict", notes, "--model", "digit-classifier", "--json");

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output, Does.Contain("NotAnImage: 'notes.txt' is not an image"));
    }

    [Test]
    public async Task An_unknown_model_is_a_usage_error_listing_the_known_ones()
    {
        var (exitCode, _, error) = await Medpipe.RunAsync("predict", _folder, "--model", "nope");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("unknown model 'nope'; known: ct-lesion-classifier, digit-classifier, xray-anomaly"));
    }
}
