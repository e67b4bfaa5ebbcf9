using System.Net;
using MedPipeline.Organizations;
using MedPipeline.StatusCallback.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace MedPipeline.StatusCallback.Tests;

/// <summary>
/// IHttpClientFactory's own handlers log every request URL at Information; a callback URL carries the
/// backend's series id and the organization's path. At the default level (Information) only the
/// sender's own lines appear: organization-free, URL-free.
/// </summary>
public sealed class When_a_callback_is_logged
{
    [Test]
    public async Task No_line_at_the_default_level_names_the_callback_url_or_series_id()
    {
        var collector = new FakeLogCollector();
        using var logs = new FakeLoggerProvider(collector);
        var backend = new ScriptedBackend(ScriptedBackend.Status(HttpStatusCode.ServiceUnavailable), ScriptedBackend.Status(HttpStatusCode.OK));
        var sender = ScriptedSender.Create(backend, new Dictionary<string, OrganizationOptions>
        {
            ["st-olaf"] = new() { CallbackBaseUrl = "http://backend.test/st-olaf-records", CallbackBearerToken = "s3cret" },
        }, new CallbackDeliveryOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(5) }, logs);
        var correlationId = Guid.NewGuid();

        var outcome = await sender.SendAsync("st-olaf", "patient-record-4711", new() { Status = "completed", ModelType = "m" }, correlationId, Guid.NewGuid(), CancellationToken.None);

        Assert.That(outcome.Delivered, Is.True);
        var lines = collector.GetSnapshot().Select(r => $"{r.Category}: {r.Message}").ToList();
        Assert.That(lines, Has.Some.Contains(correlationId.ToString()), "the sender's own line, by correlation id");
        Assert.That(lines, Has.None.Contains("patient-record-4711"));
        Assert.That(lines, Has.None.Contains("backend.test"));
        Assert.That(lines, Has.None.Contains("st-olaf-records"));
    }
}
