using MedPipeline.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// A status read names the series UID in its URL; the framework request log writes URLs at Information,
/// which the hosting defaults hold back unless configuration asks for them.
/// </summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_a_series_status_is_read_at_the_default_log_level
{
    private const string SeriesUid = "1.2.826.0.1.3680043.99.20261127";


    [Test]
    public async Task No_log_line_names_the_series_uid()
    {
        var lines = await LinesOfStatusReadAsync();

        Assert.That(lines, Is.Not.Empty, "the collector sees the gateway's lines");
        Assert.That(lines.Where(line => line.Contains(SeriesUid, StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task Configuration_can_still_turn_the_request_log_on()
    {
        var lines = await LinesOfStatusReadAsync(("Logging__LogLevel__Microsoft.AspNetCore", "Information"));

        Assert.That(lines.Where(line => line.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && line.Contains(SeriesUid, StringComparison.Ordinal)),
            Is.Not.Empty);
    }

    private static async Task<IReadOnlyList<string>> LinesOfStatusReadAsync(params (string Key, string Value)[] settings)
    {
        var collector = new CollectingLoggerProvider();
        await using var gateway = new SeriesGateway((await TestServices.RabbitMqAsync()).AmqpUri(), settings);
        await using var factory = gateway.Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(collector)));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", gateway.ApiKey);

        using var response = await client.GetAsync(new Uri($"api/studies/series/{SeriesUid}/status?organization=st-olaf&modelType=ct-lesion-classifier", UriKind.Relative));

        Assert.That((int)response.StatusCode, Is.GreaterThanOrEqualTo(200), "the request reached the gateway");
        return collector.Lines;
    }
}
