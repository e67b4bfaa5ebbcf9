using System.Net;
using System.Text.Json;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>Gateway:DicomWeb:MaxInstanceBytes set below the sample instances' size: they fail with 0xA700 and nothing of them stays.</summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_a_STOW_RS_instance_passes_a_limit
{
    private SeriesGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _gateway = new SeriesGateway((await TestServices.RabbitMqAsync()).AmqpUri(),
        ("Gateway__DicomWeb__MaxInstanceBytes", "2048"));

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _gateway.DisposeAsync();
    }

    [Test]
    public async Task It_fails_with_0xA700_out_of_resources_and_nothing_is_kept()
    {
        var (_, instances) = StowRequest.Series(count: 2);
        Assert.That(instances.Select(i => i.Length), Has.All.GreaterThan(2048), "the samples must be larger than the limit for this test");
        using var client = _gateway.Client();

        using var response = await client.PostAsync("dicomweb/studies", StowRequest.Of(instances));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("00081198").GetProperty("Value").EnumerateArray()
            .Select(f => f.GetProperty("00081197").GetProperty("Value")[0].GetInt32()), Is.EqualTo(new[] { 0xA700, 0xA700 }));
        var intake = Path.Combine(_gateway.Store, "dicomweb");
        Assert.That(Directory.Exists(intake) ? Directory.GetFiles(intake, "*", SearchOption.AllDirectories) : [], Is.Empty);
    }
}
