using System.Net;
using System.Text.Json;

namespace MedPipeline.Pipeline.Tests;

public sealed class When_the_gateway_gets_a_bad_request
{
    private const string Model = "ct-lesion-classifier";

    [Test]
    public async Task Missing_fields_are_each_named_in_a_problem_body()
    {
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel(Model, 1);

        using var response = await client.PostAsync(SeriesClient.Form(series.Zip, series.FileName, new() { ["modelType"] = Model }));

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        Assert.That(errors.Keys, Is.SupersetOf(new[] { "seriesId", "studyInstanceUid", "seriesInstanceUid" }));
        Assert.That(errors.Keys, Does.Not.Contain("organization"), "the organization comes from the API key");
        Assert.That(errors["seriesId"], Is.EqualTo("is required"));
    }

    [Test]
    public async Task An_unknown_model_type_is_refused()
    {
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel(Model, 1);

        using var response = await client.SubmitAsync(series, "brain-tumour-3000", SeriesClient.NewSeriesId());

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        Assert.That(errors["modelType"], Does.StartWith("is not a known model type; known: ct-lesion-classifier, digit-classifier, xray-anomaly"));
    }

    [Test]
    public async Task A_body_that_is_not_a_zip_is_refused_and_nothing_is_kept()
    {
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel(Model, 1) with { Zip = "this is a text file, not a ZIP archive"u8.ToArray() };
        var before = ArchivesInStore();

        using var response = await client.SubmitAsync(series, Model, SeriesClient.NewSeriesId());

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        Assert.That(errors["file"], Does.StartWith("is not a ZIP archive"));
        Assert.That(ArchivesInStore(), Is.SubsetOf(before), "no new archive (others may be cleaned up meanwhile)");
    }

    [Test]
    public async Task An_archive_above_the_size_limit_is_refused_with_413_and_nothing_is_kept()
    {
        using var client = new SeriesClient();
        var zip = new byte[Pipeline.MaxArchiveBytes + 1024];
        "PK\u0003\u0004"u8.CopyTo(zip);
        var series = Pipeline.Samples.ForModel(Model, 1) with { Zip = zip };
        var before = ArchivesInStore();

        using var response = await client.SubmitAsync(series, Model, SeriesClient.NewSeriesId());

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.That(errors["file"], Is.EqualTo($"must be at most {Pipeline.MaxArchiveBytes} bytes"));
        Assert.That(ArchivesInStore(), Is.SubsetOf(before), "no new archive (others may be cleaned up meanwhile)");
    }

    [Test]
    public async Task A_status_request_names_what_is_wrong_or_missing()
    {
        using var http = Pipeline.Running.GatewayClient();

        using var invalid = await http.GetAsync("api/studies/series/1.2.3/status?modelType=nope");
        using var unknown = await http.GetAsync($"api/studies/series/1.2.3.999/status?organization={Pipeline.Running.Organization}&modelType={Model}");

        var errors = await ProblemErrorsAsync(invalid, HttpStatusCode.BadRequest);
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "modelType" }));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknown.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task The_OpenAPI_document_describes_the_series_endpoints()
    {
        using var http = Pipeline.Running.GatewayClient();

        using var document = JsonDocument.Parse(await http.GetStringAsync("openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        Assert.That(paths.TryGetProperty("/api/studies/series/predict", out _), Is.True);
        Assert.That(paths.TryGetProperty("/api/studies/series/{seriesInstanceUid}/status", out _), Is.True);
    }

    private static async Task<Dictionary<string, string>> ProblemErrorsAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var problem = JsonDocument.Parse(text);
        return problem.RootElement.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value[0].GetString()!);
    }

    private static string[] ArchivesInStore()
    {
        var folder = Path.Combine(Pipeline.Running.StorePath, "archives");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];
    }
}
