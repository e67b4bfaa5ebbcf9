using System.Net;
using System.Text.Json;
using MedPipeline.Gateway.DicomWeb;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>A short quiet period: series close by themselves, and series a previous gateway left in the store are closed too.</summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_a_DICOMweb_series_goes_quiet
{
    private SeriesGateway _gateway = null!;

    [SetUp]
    public async Task StartAsync() => _gateway = new SeriesGateway((await TestServices.RabbitMqAsync()).AmqpUri(),
        ("Gateway__DicomWeb__QuietPeriod", "00:00:00.500"),
        ("Gateway__DicomWeb__ScanInterval", "00:00:00.100"),
        ("Gateway__DicomWeb__Routes__0__ModelType", "ct-lesion-classifier"));

    [TearDown]
    public async Task StopAsync() => await _gateway.DisposeAsync();


    [Test]
    public async Task The_series_is_submitted_after_the_quiet_period_without_a_commit()
    {
        var (series, instances) = StowRequest.Series(count: 2);
        using var client = _gateway.Client();

        using var response = await client.PostAsync("dicomweb/studies", StowRequest.Of(instances));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var archive = await ArchiveAsync();
        Assert.That(StowRequest.InstancesOf(await File.ReadAllBytesAsync(archive)), Has.Length.EqualTo(2));
        Assert.That(await GoneAsync(Path.Combine(_gateway.Store, "dicomweb", "st-olaf", series.SeriesInstanceUid)), Is.True, "cleared once the broker took it");
    }

    [Test]
    public async Task A_series_left_pending_by_a_stopped_gateway_is_closed_after_the_restart()
    {
        // What a gateway that stopped mid-series leaves behind: the series record and its instances, in the store.
        var (series, instances) = StowRequest.Series(count: 3);
        var folder = Path.Combine(_gateway.Store, "dicomweb", "st-olaf", series.SeriesInstanceUid);
        Directory.CreateDirectory(folder);
        var pending = new PendingSeries
        {
            Organization = "st-olaf", StudyInstanceUid = series.StudyInstanceUid, SeriesInstanceUid = series.SeriesInstanceUid, Modality = "CT",
            FirstReceivedAt = DateTimeOffset.UtcNow.AddMinutes(-5), LastReceivedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        };
        await File.WriteAllBytesAsync(Path.Combine(folder, "series.json"), JsonSerializer.SerializeToUtf8Bytes(pending));
        for (var i = 0; i < instances.Length; i++)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, $"1.2.3.{i}.dcm"), instances[i]);
        }

        _ = _gateway.Factory.Services; // starts the gateway (and its sweep) on this store

        var archive = await ArchiveAsync();
        Assert.That(StowRequest.InstancesOf(await File.ReadAllBytesAsync(archive)), Has.Length.EqualTo(3));
        Assert.That(await GoneAsync(folder), Is.True, "cleared once the broker took it");
    }

    /// <summary>The pending folder goes after the publish, which follows the archive: waited for, not raced.</summary>
    private static async Task<bool> GoneAsync(string folder)
    {
        for (var i = 0; i < 300 && Directory.Exists(folder); i++)
        {
            await Task.Delay(100);
        }

        return !Directory.Exists(folder);
    }

    private async Task<string> ArchiveAsync()
    {
        for (var i = 0; i < 300 && _gateway.Archives().Length == 0; i++)
        {
            await Task.Delay(100);
        }

        return _gateway.Archives().Single();
    }
}
