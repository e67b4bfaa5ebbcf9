using MedPipeline.Orchestrator.Saga;
using MedPipeline.Orchestrator.Tests.Database;
using MedPipeline.Persistence;
using MedPipeline.Persistence.Saga;
using MedPipeline.Persistence.Schema;
using MedPipeline.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedPipeline.Orchestrator.Tests;

[Category(TestTiers.Integration)]
public sealed class When_series_existed_before_the_status_table
{
    private static readonly Guid Running = Guid.Parse("0b5c6a8e-0000-4000-8000-000000000001");
    private static readonly Guid Finished = Guid.Parse("0b5c6a8e-0000-4000-8000-000000000002");

    private static readonly string LegacyPrediction = System.Text.Json.JsonSerializer.Serialize(new Contracts.SeriesPrediction
    {
        Model = new Contracts.ModelInfo { ModelType = "xray-anomaly", Name = "Radiograph anomaly detector", Version = "1.0.0", Sha256 = "684c" },
        Task = "anomaly", InstanceCount = 1, ReconstructionMse = 0.0051, IsAnomaly = true, Threshold = 0.0033,
    });

    /// <summary>Saga rows as the orchestrator wrote them before the status table and the stage enum (lower-case stages).</summary>
    private static readonly string LegacyRows = $$"""
        INSERT INTO series_state (correlation_id, current_state, version, due_at, data, updated_at) VALUES
        ('{{Running}}', 'Inferring', 5, now() + interval '5 minutes', '{"CorrelationId":"{{Running}}","CurrentState":"Inferring","Organization":"st-olaf",
          "StudyInstanceUid":"1.2.3","SeriesInstanceUid":"1.2.3.4","ModelType":"ct-lesion-classifier","AttemptId":"7d0e0f00-0000-4000-8000-000000000001",
          "Attempts":1,"Modality":"CT","InstanceCount":4,"ImageInstanceCount":3,"TotalBytes":1234,"Stage":"inference",
          "DueAt":"2026-11-27T10:10:00+00:00","ReceivedAt":"2026-11-27T10:00:00.123456+00:00","UnpackedAt":"2026-11-27T10:00:01+00:00",
          "Status":null,"Prediction":null,"CallbackOutcomes":{} }', '2026-11-27T10:00:02+00:00'),
        ('{{Finished}}', 'Completed', 9, NULL, '{"CorrelationId":"{{Finished}}","CurrentState":"Completed","Organization":"st-olaf",
          "StudyInstanceUid":"1.2.3","SeriesInstanceUid":"1.2.3.5","ModelType":"xray-anomaly","AttemptId":"7d0e0f00-0000-4000-8000-000000000002",
          "Attempts":2,"Stage":null,"ReceivedAt":"2026-11-27T09:00:00+00:00","FinishedAt":"2026-11-27T09:00:09+00:00","Status":"completed",
          "Prediction":{{LegacyPrediction}},"CallbackOutcomes":{"backend-1":"delivered (HTTP 204, 1 attempt(s))"} }', '2026-11-27T09:00:10+00:00');
        """;

    [Test]
    public async Task The_migration_back_fills_their_status_rows_and_the_saga_reads_their_stage()
    {
        var connectionString = await (await TestServices.PostgresAsync()).CreateDatabaseAsync("backfill");
        await using var database = new PersistenceDatabase(Microsoft.Extensions.Options.Options.Create(new PersistenceOptions { ConnectionString = connectionString }));
        var before = new SagaTableMap<SeriesState>(SeriesStateTable.Name, s => s.CurrentState);
        await new SchemaMigrator(database, [before], NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var rows = new SeriesRows(connectionString);
        await rows.ExecuteAsync(LegacyRows);

        await new SchemaMigrator(database, [SeriesStateTable.Map], NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);

        var running = (await rows.SagaAsync(Running))!.Value;
        var finished = (await rows.SagaAsync(Finished))!.Value;
        Assert.Multiple(async () =>
        {
            Assert.That(running.Saga.Stage, Is.EqualTo(SeriesStage.Inference), "a lower-case stage of an old row is read");
            Assert.That(await rows.StatusAsync(Running), Is.EqualTo(await rows.ExpectedStatusAsync(running.Saga, running.UpdatedAt)));
            Assert.That(await rows.StatusAsync(Finished), Is.EqualTo(await rows.ExpectedStatusAsync(finished.Saga, finished.UpdatedAt)));
            Assert.That((await rows.StatusAsync(Running))!.Stage, Is.EqualTo("Inference"));
            Assert.That(await rows.ScalarAsync<string>("SELECT string_agg(component || '=' || version, ',' ORDER BY component) FROM mp_schema_version"),
                Is.EqualTo("core=1,read-model:series_status=6,saga:series_state=1"));
        });
    }
}
