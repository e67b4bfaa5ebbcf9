using System.Net;
using MedPipeline.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Gateway.Tests;

/// <summary>The gateway with every endpoint mapped (series pipeline on) and no anonymous single images.</summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_a_caller_has_no_credentials
{
    private SeriesGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _gateway = new SeriesGateway((await TestServices.RabbitMqAsync()).AmqpUri(), anonymousSingleImage: false);

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _gateway.DisposeAsync();
    }

    [Test]
    public async Task Every_endpoint_but_the_health_probes_answers_401()
    {
        using var client = _gateway.Factory.CreateClient();
        var endpoints = _gateway.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/health", StringComparison.Ordinal)).ToList();
        Assert.That(endpoints.Select(e => e.RoutePattern.RawText), Is.SupersetOf(new[]
        {
            "/api/studies/series/predict", "/api/studies/series/{seriesInstanceUid}/status", "/inference", "/predict", "/api/models", "/openapi/{documentName}.json",
        }));

        foreach (var endpoint in endpoints)
        {
            var method = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";
            var path = endpoint.RoutePattern.RawText!.Replace("{seriesInstanceUid}", "1.2.3", StringComparison.Ordinal)
                .Replace("{documentName}", "v1", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            using var response = await client.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"{method} {path}");
        }

        using var page = await client.GetAsync("/");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the page");
    }

    [Test]
    public async Task The_health_probes_answer_without_credentials()
    {
        using var client = _gateway.Factory.CreateClient();

        using var live = await client.GetAsync("health/live");

        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_key_that_is_not_configured_is_401_and_a_good_key_gets_through()
    {
        using var client = _gateway.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", "mpk_not-a-key-of-anyone");
        using var good = _gateway.Client();

        using var refused = await client.GetAsync("api/models");
        using var accepted = await good.GetAsync("api/models");

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
