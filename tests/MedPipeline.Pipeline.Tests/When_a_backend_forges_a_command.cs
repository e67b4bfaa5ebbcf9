using System.Net.Http.Json;
using System.Text.Json;
using MedPipeline.Contracts;
using MedPipeline.LocalStack;
using MedPipeline.Organizations;

namespace MedPipeline.Pipeline.Tests;

/// <summary>
/// PredictSeries commands published straight to the broker that the orchestrator must refuse: each is named with
/// its reason in the orchestrator's audit log and never processed (no status, no callback, the archive untouched).
/// </summary>
public sealed class When_a_backend_forges_a_command
{
    private static IEnumerable<TestCaseData> Forgeries()
    {
        yield return new TestCaseData("wrong-correlation", "st-olaf", "st-olaf", true,
            "the correlation id is not the one of its organization, study, series and model type").SetArgDisplayNames("Wrong_correlation_id");
        yield return new TestCaseData("another-archive", "st-olaf", "other-hospital", false,
            "the archive key is not a plain key under archives/st-olaf/").SetArgDisplayNames("Another_organizations_archive");
        yield return new TestCaseData("unknown-organization", "mallory", "mallory", false, "the organization is not configured")
            .SetArgDisplayNames("Unknown_organization");
        yield return new TestCaseData("traversal", "st-olaf", "st-olaf/../other-hospital", false,
            "the archive key is not a plain key under archives/st-olaf/").SetArgDisplayNames("Path_traversal");
        // Everything in it consistent and about a configured organization, but published by st-olaf's ingress user.
        yield return new TestCaseData("other-organization", "other-hospital", "other-hospital", false,
            "the organization is not the one whose ingress exchange the command was published to").SetArgDisplayNames("Another_organization_named_in_the_body");
    }

    private static IEnumerable<TestCaseData> MalformedFields()
    {
        yield return new TestCaseData("..", "", "seriesId must be").SetArgDisplayNames("Series_id_dot_dot");
        yield return new TestCaseData("series-with-newline\n", "", "seriesId must be").SetArgDisplayNames("Series_id_with_a_trailing_newline");
        yield return new TestCaseData(null, "\n", "seriesInstanceUid must be").SetArgDisplayNames("Series_UID_with_a_trailing_newline");
    }

    [TestCaseSource(nameof(Forgeries))]
    public async Task It_is_rejected_in_the_audit_log_and_never_processed(string name, string organization, string archiveFolder, bool wrongId, string reason)
    {
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel("ct-lesion-classifier", 2);
        var seriesId = SeriesClient.NewSeriesId();
        var pipeline = Pipeline.Running;
        // A real upload of the other organization, so the forged command names a file that exists.
        var archiveKey = $"archives/{archiveFolder}/forged-{name}-{Guid.NewGuid():N}.zip";
        var archivePath = Path.GetFullPath(Path.Combine(pipeline.StorePath, archiveKey));
        Directory.CreateDirectory(Path.GetDirectoryName(archivePath)!);
        await File.WriteAllBytesAsync(archivePath, series.Zip);
        var correlationId = wrongId
            ? Guid.NewGuid()
            : SeriesCorrelation.For(organization, series.StudyInstanceUid, series.SeriesInstanceUid, "ct-lesion-classifier");

        await PublishAsync(pipeline, new
        {
            correlationId, requestId = Guid.NewGuid(), seriesId, organization, studyInstanceUid = series.StudyInstanceUid,
            seriesInstanceUid = series.SeriesInstanceUid, modelType = "ct-lesion-classifier", predictAgain = false, archiveKey,
            submittedAt = DateTimeOffset.UtcNow,
        });

        var line = await AuditLineAsync(pipeline, correlationId.ToString());
        Assert.That(line, Does.Contain($"organization {organization}: {reason}"));
        Assert.That(line, Does.Not.Contain(series.SeriesInstanceUid), "no UID in the audit line");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.That(await client.CallbacksAsync(seriesId), Is.Empty, "no callback to anybody");
        Assert.That(await client.StatusAsync(series, "ct-lesion-classifier"), Is.Null, "no status row");
        Assert.That(File.Exists(archivePath), Is.True, "the archive was neither unpacked nor deleted");
        File.Delete(archivePath);
    }

    [TestCaseSource(nameof(MalformedFields))]
    public async Task A_field_the_gateway_would_refuse_is_refused_by_the_orchestrator_too(string? seriesIdOverride, string uidSuffix, string reason)
    {
        using var client = new SeriesClient();
        var pipeline = Pipeline.Running;
        var series = Pipeline.Samples.ForModel("ct-lesion-classifier", 2);
        var seriesId = seriesIdOverride ?? SeriesClient.NewSeriesId();
        var seriesUid = series.SeriesInstanceUid + uidSuffix;
        var correlationId = SeriesCorrelation.For(pipeline.Organization, series.StudyInstanceUid, seriesUid, "ct-lesion-classifier");

        await PublishAsync(pipeline, new
        {
            correlationId, requestId = Guid.NewGuid(), seriesId, organization = pipeline.Organization, studyInstanceUid = series.StudyInstanceUid,
            seriesInstanceUid = seriesUid, modelType = "ct-lesion-classifier", predictAgain = false,
            archiveKey = $"archives/{pipeline.Organization}/malformed-{Guid.NewGuid():N}.zip", submittedAt = DateTimeOffset.UtcNow,
        });

        var line = await AuditLineAsync(pipeline, correlationId.ToString());
        Assert.That(line, Does.Contain($"organization {pipeline.Organization}: {reason}"));
        Assert.That(await client.StatusAsync(series, "ct-lesion-classifier"), Is.Null, "no status row");
    }

    private static async Task PublishAsync(LocalPipeline pipeline, object message)
    {
        var envelope = new { messageId = Guid.NewGuid(), messageType = new[] { "urn:message:MedPipeline.Contracts:PredictSeries" }, headers = new { }, message };
        // With an ingress user's rights (publish to its organization's exchange, nothing else), as a compromised hospital backend would.
        var ingress = pipeline.BrokerUsers.IngressOf(pipeline.Organization);
        using var management = (pipeline.Broker with { Username = ingress.User, Password = ingress.Password }).CreateManagementClient();
        using var response = await management.PostAsJsonAsync(
            new Uri($"api/exchanges/%2F/{Uri.EscapeDataString(OrganizationIngress.ExchangeOf(pipeline.Organization))}/publish", UriKind.Relative), new
            {
                properties = new { content_type = "application/vnd.masstransit+json", delivery_mode = 2, message_id = envelope.messageId.ToString() },
                routing_key = "",
                payload = JsonSerializer.Serialize(envelope),
                payload_encoding = "string",
            });
        using var routed = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(routed.RootElement.GetProperty("routed").GetBoolean(), Is.True, "the orchestrator's queue is bound to the exchange");
    }

    private static async Task<string> AuditLineAsync(LocalPipeline pipeline, string correlationId)
    {
        for (var i = 0; i < 200; i++)
        {
            if (pipeline.FullLogOf(PipelineService.Orchestrator).FirstOrDefault(l => l.Contains("MedPipeline.Audit", StringComparison.Ordinal)
                    && l.Contains(correlationId, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"no audit line for {correlationId}:\n{SeriesClient.Logs()}");
        return "";
    }
}
