using MedPipeline.Testing;
using Npgsql;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// GET /api/admin/series?stuck=true on a real database: a series still in a stage that started longer ago than
/// Gateway:Admin:Stuck*After (defaults 15, 30, 30 min: three times the orchestrator's default stage timeouts).
/// </summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_an_admin_lists_stuck_series
{
    private const string StuckUnpacking = "5e5e5e00-0000-4000-8000-000000000001";
    private const string FreshUnpacking = "5e5e5e00-0000-4000-8000-000000000002";
    private const string StuckInferring = "5e5e5e00-0000-4000-8000-000000000003";
    private const string FreshPreprocessing = "5e5e5e00-0000-4000-8000-000000000004";
    private const string OtherStuck = "5e5e5e00-0000-4000-8000-000000000005";
    private AdminGateway _admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _admin = await AdminGateway.StartAsync(WriteAsync);

    [OneTimeTearDown]
    public async Task StopAsync() => await _admin.DisposeAsync();

    [Test]
    public async Task Only_series_in_their_stage_past_its_cutoff_are_listed_and_only_the_admins_own()
    {
        var stuck = await _admin.GetJsonAsync(_admin.AdminKey, "api/admin/series?stuck=true");
        var all = await _admin.GetJsonAsync(_admin.AdminKey, "api/admin/series?stuck=false");
        var everyOrganization = await _admin.GetJsonAsync(_admin.OperatorKey, "api/admin/series?stuck=true");

        // Finished series (AdminSeriesRows' Failed and Completed ones) are never stuck, however old.
        Assert.That(AdminGateway.Ids(stuck), Is.EquivalentTo(new[] { StuckUnpacking, StuckInferring }));
        Assert.That(AdminGateway.Ids(all), Does.Contain(FreshUnpacking).And.Contain(FreshPreprocessing).And.Contain(AdminSeriesRows.OldFailed));
        Assert.That(AdminGateway.Ids(everyOrganization), Is.EquivalentTo(new[] { StuckUnpacking, StuckInferring, OtherStuck }));
    }

    /// <summary>Stage starts relative to now: received (Unpack), unpacked (Preprocess), preprocessed (Inference).</summary>
    private static async Task WriteAsync(string orchestratorConnectionString)
    {
        await using var connection = new NpgsqlConnection(orchestratorConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            INSERT INTO medpipe_read.series_status (correlation_id, organization, study_instance_uid, series_instance_uid, model_type, state, stage,
                attempt, received_at, unpacked_at, preprocessed_at, callbacks, updated_at) VALUES
            ('{StuckUnpacking}', 'st-olaf', '5.5', '5.5.1', 'ct-lesion-classifier', 'Unpacking', 'Unpack', 1,
             now() - interval '20 minutes', NULL, NULL, '{"{"}{"}"}', now() - interval '20 minutes'),
            ('{FreshUnpacking}', 'st-olaf', '5.5', '5.5.2', 'ct-lesion-classifier', 'Unpacking', 'Unpack', 1,
             now() - interval '10 minutes', NULL, NULL, '{"{"}{"}"}', now() - interval '10 minutes'),
            ('{StuckInferring}', 'st-olaf', '5.5', '5.5.3', 'ct-lesion-classifier', 'Inferring', 'Inference', 1,
             now() - interval '50 minutes', now() - interval '45 minutes', now() - interval '40 minutes', '{"{"}{"}"}', now() - interval '40 minutes'),
            ('{FreshPreprocessing}', 'st-olaf', '5.5', '5.5.4', 'ct-lesion-classifier', 'Preprocessing', 'Preprocess', 1,
             now() - interval '50 minutes', now() - interval '20 minutes', NULL, '{"{"}{"}"}', now() - interval '20 minutes'),
            ('{OtherStuck}', 'other-hospital', '5.6', '5.6.1', 'ct-lesion-classifier', 'Preprocessing', 'Preprocess', 1,
             now() - interval '2 hours', now() - interval '1 hour', NULL, '{"{"}{"}"}', now() - interval '1 hour');
            """, connection);
        await command.ExecuteNonQueryAsync();
    }
}
