using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Orchestrator.Tests.Database;
using MedPipeline.Testing;

namespace MedPipeline.Orchestrator.Tests;

/// <summary>
/// The product's saga endpoint on PostgreSQL gets PredictSeries commands a backend could publish straight to the
/// broker: each forged one is refused with its reason in the audit log and leaves nothing behind (no saga or status
/// row, no inbox or outbox row, so nothing is unpacked and no callback is sent); a valid one is processed.
/// </summary>
[Category(TestTiers.Integration)]
public sealed class When_a_forged_command_arrives
{
    private const string Organization = "st-olaf";
    private OrchestratorOnDatabase _orchestrator = null!;

    [OneTimeSetUp]
    public async Task StartOrchestrator() => _orchestrator = await OrchestratorOnDatabase.StartAsync("forged");

    [OneTimeTearDown]
    public async Task StopOrchestrator() => await _orchestrator.DisposeAsync();

    private static IEnumerable<TestCaseData> Forgeries()
    {
        yield return Case("Wrong_correlation_id", Valid() with { CorrelationId = Guid.NewGuid() },
            "the correlation id is not the one of its organization, study, series and model type");
        yield return Case("Another_organizations_archive", Valid() with { ArchiveKey = "archives/other-hospital/a.zip" },
            "the archive key is not a plain key under archives/st-olaf/");
        yield return Case("Unknown_organization", Valid("mallory") with { ArchiveKey = "archives/mallory/a.zip" }, "the organization is not configured");
        yield return Case("Path_traversal", Valid() with { ArchiveKey = "archives/st-olaf/../other-hospital/a.zip" },
            "the archive key is not a plain key under archives/st-olaf/");
        yield return Case("Absolute_path", Valid() with { ArchiveKey = "/archives/st-olaf/a.zip" }, "the archive key is not a plain key under archives/st-olaf/");
        yield return Case("Unknown_model", Valid(modelType: "lung-cancer-9000"), "the model type is unknown");
    }

    [TestCaseSource(nameof(Forgeries))]
    public async Task It_is_rejected_with_its_reason_and_never_processed(PredictSeries forged, string reason)
    {
        var messageId = NewId.NextGuid();
        await _orchestrator.Bus.Publish(forged, c => c.MessageId = messageId);

        var line = await _orchestrator.Audit.WaitForAsync(forged.CorrelationId.ToString());
        var rows = _orchestrator.Rows;
        var recomputed = SeriesCorrelation.For(forged.Organization, forged.StudyInstanceUid, forged.SeriesInstanceUid, forged.ModelType);
        Assert.Multiple(async () =>
        {
            Assert.That(line, Does.Contain($"organization {forged.Organization}: {reason}"));
            Assert.That(line, Does.Not.Contain(forged.SeriesInstanceUid).And.Not.Contain(forged.ArchiveKey), "no UID or key in the audit line");
            foreach (var id in new[] { forged.CorrelationId, recomputed })
            {
                Assert.That(await rows.SagaAsync(id), Is.Null, "no saga row");
                Assert.That(await rows.StatusAsync(id), Is.Null, "no status row");
            }

            Assert.That(await rows.ScalarAsync<long>($"SELECT count(*) FROM mp_inbox WHERE message_id = '{messageId}'"), Is.Zero,
                "not even an inbox row: the transaction never began");
            Assert.That(await OutboxRowsAbout(forged.CorrelationId), Is.Zero, "nothing to unpack, no callback");
            Assert.That(await OutboxRowsAbout(recomputed), Is.Zero, "nothing to unpack, no callback");
        });
    }

    [Test]
    public async Task A_valid_command_is_processed()
    {
        var valid = Valid(study: "1.2.3.99");

        await _orchestrator.Bus.Publish(valid);

        var (saga, _) = await _orchestrator.Rows.WaitForAsync(valid.CorrelationId, "Received");
        Assert.That(saga.ArchiveKey, Is.EqualTo(valid.ArchiveKey));
        Assert.That(await OutboxRowsAbout(valid.CorrelationId), Is.EqualTo(1), "its UnpackSeriesArchive");
        Assert.That(_orchestrator.Audit.Lines.Where(l => l.Contains(valid.CorrelationId.ToString(), StringComparison.Ordinal)), Is.Empty);
    }

    private Task<long> OutboxRowsAbout(Guid correlationId) =>
        _orchestrator.Rows.ScalarAsync<long>($"SELECT count(*) FROM mp_outbox WHERE body LIKE '%{correlationId}%'");

    private static TestCaseData Case(string name, PredictSeries forged, string reason) => new TestCaseData(forged, reason).SetArgDisplayNames(name);

    private static PredictSeries Valid(string organization = Organization, string modelType = "ct-lesion-classifier", string study = "1.2.3") => new()
    {
        CorrelationId = SeriesCorrelation.For(organization, study, "1.2.3.4", modelType),
        RequestId = NewId.NextGuid(), SeriesId = "backend-1", Organization = organization, StudyInstanceUid = study, SeriesInstanceUid = "1.2.3.4",
        ModelType = modelType, ArchiveKey = $"archives/{organization}/a.zip", SubmittedAt = DateTimeOffset.UtcNow,
    };
}
