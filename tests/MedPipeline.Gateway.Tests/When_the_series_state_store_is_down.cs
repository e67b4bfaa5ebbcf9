using System.Net;
using System.Net.Http.Headers;
using MedPipeline.LocalStack;
using MedPipeline.SampleData;
using MedPipeline.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>The gateway with the series pipeline on (a real broker) and its database unreachable.</summary>
[NonParallelizable]
public sealed class When_the_series_state_store_is_down
{
    private static readonly string[] Variables =
        ["RabbitMq__Uri", "ConnectionStrings__Orchestrator", "Store__Path", "Organizations__st-olaf__CallbackBaseUrl"];

    private string _store = "";
    private WebApplicationFactory<Program> _factory = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var broker = await TestServices.RabbitMqAsync();
        _store = Directory.CreateTempSubdirectory("medpipe-gateway-store").FullName;
        // WebApplication.CreateBuilder reads these before the factory's own settings apply.
        Environment.SetEnvironmentVariable("RabbitMq__Uri", broker.AmqpUri().ToString());
        Environment.SetEnvironmentVariable("ConnectionStrings__Orchestrator", $"Host=127.0.0.1;Port={FreeTcpPort.Next()};Username=nobody;Password=x;Timeout=2");
        Environment.SetEnvironmentVariable("Store__Path", _store);
        Environment.SetEnvironmentVariable("Organizations__st-olaf__CallbackBaseUrl", "http://127.0.0.1:9/");
        _factory = new GatewayFactory();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _factory.DisposeAsync();
        foreach (var variable in Variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        Directory.Delete(_store, recursive: true);
        await TestServices.StopAsync();
    }

    [Test]
    public async Task A_status_request_is_answered_503_with_a_problem_body()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("api/studies/series/1.2.3.4/status?organization=st-olaf&modelType=ct-lesion-classifier");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("does not answer"));
    }

    [Test]
    public async Task A_series_request_is_still_accepted_because_the_saga_decides_later()
    {
        using var client = _factory.CreateClient();
        var series = new SampleSeriesFactory(RepositoryPaths.Models).ForModel("ct-lesion-classifier", 1);
        var file = new ByteArrayContent(series.Zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var form = new MultipartFormDataContent
        {
            { file, "file", series.FileName },
            { new StringContent("backend-1"), "seriesId" },
            { new StringContent("st-olaf"), "organization" },
            { new StringContent(series.StudyInstanceUid), "studyInstanceUid" },
            { new StringContent(series.SeriesInstanceUid), "seriesInstanceUid" },
            { new StringContent("ct-lesion-classifier"), "modelType" },
        };

        using var response = await client.PostAsync("api/studies/series/predict", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        Assert.That(Directory.GetFiles(Path.Combine(_store, "archives")), Has.Length.EqualTo(1), "the archive waits in the store");
    }
}
