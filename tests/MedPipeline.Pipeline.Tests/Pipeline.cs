using MedPipeline.LocalStack;
using MedPipeline.Organizations;
using MedPipeline.SampleData;
using MedPipeline.Testing;

namespace MedPipeline.Pipeline.Tests;

/// <summary>
/// One pipeline for the whole test run (starting seven processes takes a while); every test uses
/// fresh study/series UIDs, so tests do not see each other's series. Timeouts and retry delays are
/// shortened so failure paths finish in seconds.
/// </summary>
[SetUpFixture]
public sealed class Pipeline
{
    public const int MaxArchiveBytes = 64 * 1024 * 1024;

    private static LocalPipeline? _pipeline;

    public static LocalPipeline Running => _pipeline ?? throw new InvalidOperationException("The pipeline did not start.");

    public static SampleSeriesFactory Samples { get; } = new(RepositoryPaths.Models);

    /// <summary>How long a DICOMweb series waits for more instances before it is closed (short: the tests wait for it).</summary>
    public static TimeSpan DicomWebQuietPeriod { get; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The organization with DICOM output: its results go over STOW-RS to the Orthanc that a test starts on
    /// <see cref="OrthancPort"/> (until then the exports fail fast and the series complete regardless).
    /// </summary>
    public const string DicomOrganization = "other-hospital";

    public static int OrthancPort { get; } = FreeTcpPort.Next();

    /// <summary>An API key of the organization with the admin role (the operations API).</summary>
    public static string AdminKey { get; } = ApiKeys.NewKey();

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var broker = await TestServices.RabbitMqAsync();
        var postgres = await TestServices.PostgresAsync();
        _pipeline = await LocalPipeline.StartAsync(new PipelineSettings(RepositoryPaths.Root, TestBuild.Configuration, broker, await postgres.CreatePipelineDatabaseAsync("pipeline"))
        {
            Organization = "st-olaf",
            OtherOrganization = DicomOrganization,
            // As a supervisor would: a worker whose bus watchdog gives up (exit code 75) is started again.
            RestartExitedServices = true,
            Settings = new Dictionary<string, string>
            {
                ["Gateway__Upload__MaxArchiveBytes"] = MaxArchiveBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Orchestrator__CallbackRetry__FirstDelay"] = "00:00:01",
                ["Orchestrator__CallbackRetry__MaxDelay"] = "00:00:03",
                ["Orchestrator__Metrics__RefreshEvery"] = "00:00:01",
                ["StatusCallback__Delivery__MaxAttempts"] = "2",
                ["StatusCallback__Delivery__FirstRetryDelay"] = "00:00:00.200",
                ["StatusCallback__Delivery__MaxRetryDelay"] = "00:00:01",
                ["Persistence__SweepInterval"] = "00:00:00.250",
                ["Persistence__RelayPollInterval"] = "00:00:00.500",
                ["Dicom__Codecs__PoolSize"] = "1",
                ["Models__IntraOpThreads"] = "1",
                ["Organizations__st-olaf__ApiKeys__1__Id"] = "ops",
                ["Organizations__st-olaf__ApiKeys__1__Sha256"] = ApiKeys.HashOf(AdminKey),
                ["Organizations__st-olaf__ApiKeys__1__Roles__0"] = "admin",
                ["Gateway__DicomWeb__QuietPeriod"] = DicomWebQuietPeriod.ToString(),
                ["Gateway__DicomWeb__ScanInterval"] = "00:00:00.200",
                ["Gateway__DicomWeb__Routes__0__Modality"] = "CT",
                ["Gateway__DicomWeb__Routes__0__ModelType"] = "ct-lesion-classifier",
                ["Gateway__DicomWeb__Routes__1__Modality"] = "CR",
                ["Gateway__DicomWeb__Routes__1__ModelType"] = "xray-anomaly",
                [$"Organizations__{DicomOrganization}__DicomExport__StowUrl"] = $"http://127.0.0.1:{OrthancPort}/dicom-web/",
                [$"Organizations__{DicomOrganization}__DicomExport__Name"] = "orthanc",
                ["StatusCallback__DicomResults__UidRoot"] = "1.2.826.0.1.3680043.10",
                ["StatusCallback__DicomResults__MaxAttempts"] = "3",
                ["StatusCallback__DicomResults__FirstRetryDelay"] = "00:00:00.200",
                ["StatusCallback__DicomResults__MaxRetryDelay"] = "00:00:01",
            },
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        // Every test ran with each service's own broker user: none of them may have been refused anything.
        var refusals = _pipeline is null ? [] : PipelineService.All
            .SelectMany(name => _pipeline.FullLogOf(name).Where(l => l.Contains("ACCESS_REFUSED", StringComparison.Ordinal)))
            .ToList();
        if (_pipeline is not null)
        {
            await _pipeline.DisposeAsync();
        }

        await TestServices.StopAsync();
        Assert.That(refusals, Is.Empty, "a service was refused by the broker: its permissions (PipelineBrokerAccess) miss something");
    }
}
