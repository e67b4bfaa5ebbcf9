using System.Net;
using System.Text.Json;

namespace MedPipeline.Pipeline.Tests;

public sealed class When_two_hospitals_share_the_gateway
{
    private const string Model = "ct-lesion-classifier";

    [Test]
    public async Task Without_credentials_only_the_health_probes_answer()
    {
        using var http = new HttpClient { BaseAddress = Pipeline.Running.Gateway };
        var series = Pipeline.Samples.ForModel(Model, 1);
        using var form = SeriesClient.Form(series.Zip, series.FileName, new() { ["seriesId"] = "x", ["modelType"] = Model });

        using var submit = await http.PostAsync("api/studies/series/predict", form);
        using var status = await http.GetAsync($"api/studies/series/{series.SeriesInstanceUid}/status?modelType={Model}");
        using var openApi = await http.GetAsync("openapi/v1.json");
        using var ready = await http.GetAsync("health/ready");

        Assert.That(submit.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(openApi.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(submit.Headers.WwwAuthenticate.ToString(), Does.Contain("X-API-Key"));
    }

    [Test]
    public async Task A_wrong_key_is_refused()
    {
        using var http = new HttpClient { BaseAddress = Pipeline.Running.Gateway };
        http.DefaultRequestHeaders.Add("X-API-Key", Pipeline.Running.ApiKey + "x");

        using var status = await http.GetAsync($"api/studies/series/1.2.3/status?modelType={Model}");

        Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Naming_another_organization_is_forbidden_and_nothing_is_kept()
    {
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel(Model, 1);
        var before = Archives();

        using var submit = await client.SubmitAsync(series, Model, SeriesClient.NewSeriesId(), organization: Pipeline.Running.OtherOrganization);
        using var http = Pipeline.Running.GatewayClient();
        using var status = await http.GetAsync(
            $"api/studies/series/{series.SeriesInstanceUid}/status?organization={Pipeline.Running.OtherOrganization}&modelType={Model}");

        Assert.That(submit.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), await submit.Content.ReadAsStringAsync());
        Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(Archives(), Is.SubsetOf(before), "the refused upload is not kept");
    }

    [Test]
    public async Task One_hospital_cannot_see_another_hospitals_series_and_each_gets_its_own_callback()
    {
        using var first = new SeriesClient();
        using var other = new SeriesClient(asOtherOrganization: true);
        var series = Pipeline.Samples.ForModel(Model, 2, "lesion");
        var seriesId = SeriesClient.NewSeriesId();

        // No organization field: it is taken from the key.
        using var response = await first.SubmitAsync(series, Model, seriesId, organization: "");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var status = await first.WaitForFinishAsync(series, Model);
        using var http = Pipeline.Running.GatewayClient(asOtherOrganization: true);
        using var hidden = await http.GetAsync($"api/studies/series/{series.SeriesInstanceUid}/status?modelType={Model}");

        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("completed"));
        Assert.That(hidden.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "another hospital's series does not exist for this caller");
        var body = await hidden.Content.ReadAsStringAsync();
        Assert.That(body, Does.Not.Contain(Pipeline.Running.Organization));

        // The same series asked for by the other hospital is its own request, with its own run and callback path.
        var otherId = SeriesClient.NewSeriesId();
        using var otherResponse = await other.SubmitAsync(series, Model, otherId, predictAgain: false, organization: "");
        Assert.That(otherResponse.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await otherResponse.Content.ReadAsStringAsync());
        using var accepted = JsonDocument.Parse(await otherResponse.Content.ReadAsStringAsync());
        Assert.That(accepted.RootElement.GetProperty("statusUrl").GetString(), Does.Contain(Pipeline.Running.OtherOrganization));
        var callbacks = await other.WaitForCallbacksAsync(otherId, 1);
        Assert.That(callbacks[0].GetProperty("status").GetString(), Is.EqualTo("completed"));
        Assert.That(await other.CallbackPathsAsync(otherId), Is.All.StartsWith($"/{Pipeline.Running.OtherOrganization}/api/studies/series/"));
    }

    private static string[] Archives()
    {
        var folder = Path.Combine(Pipeline.Running.StorePath, "archives");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];
    }
}
