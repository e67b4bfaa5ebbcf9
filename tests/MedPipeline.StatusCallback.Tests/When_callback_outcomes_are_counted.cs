using System.Net;
using MedPipeline.Hosting.Telemetry;
using MedPipeline.Organizations;
using MedPipeline.StatusCallback.Delivery;
using MedPipeline.StatusCallback.Options;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace MedPipeline.StatusCallback.Tests;

public sealed class When_callback_outcomes_are_counted
{
    private static readonly CallbackBody Failed = new() { Status = "failed", ModelType = "ct-lesion-classifier", Reason = "no images" };

    [TestCase(HttpStatusCode.NoContent, CallbackMetrics.Delivered)]
    [TestCase(HttpStatusCode.NotFound, CallbackMetrics.Refused)]
    [TestCase(HttpStatusCode.BadGateway, CallbackMetrics.Refused)]
    public async Task An_answered_delivery_counts_once_under_its_organization_and_outcome(HttpStatusCode status, string outcome)
    {
        using var callbacks = new MetricCollector<long>(MedPipelineTelemetry.Meter, CallbackMetrics.InstrumentName);

        await Sender(new ScriptedBackend(ScriptedBackend.Status(status))).SendAsync("metrics-hospital", "s1", Failed, Guid.NewGuid(), Guid.NewGuid(), CancellationToken.None);

        var counted = callbacks.GetMeasurementSnapshot();
        Assert.That(counted, Has.Count.EqualTo(1), "one count per delivery, whatever its attempts");
        Assert.That(counted[0].Value, Is.EqualTo(1));
        Assert.That(counted[0].Tags["medpipeline.organization"], Is.EqualTo("metrics-hospital"));
        Assert.That(counted[0].Tags["outcome"], Is.EqualTo(outcome));
    }

    [Test]
    public async Task A_backend_that_never_answers_counts_as_unreachable()
    {
        using var callbacks = new MetricCollector<long>(MedPipelineTelemetry.Meter, CallbackMetrics.InstrumentName);

        await Sender(new ScriptedBackend(ScriptedBackend.NetworkError())).SendAsync("metrics-hospital", "s1", Failed, Guid.NewGuid(), Guid.NewGuid(), CancellationToken.None);

        Assert.That(callbacks.LastMeasurement?.Tags["outcome"], Is.EqualTo(CallbackMetrics.Unreachable));
        Assert.That(callbacks.GetMeasurementSnapshot(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_unconfigured_organization_is_counted_without_its_name()
    {
        using var callbacks = new MetricCollector<long>(MedPipelineTelemetry.Meter, CallbackMetrics.InstrumentName);

        await Sender(new ScriptedBackend(ScriptedBackend.Status(HttpStatusCode.OK))).SendAsync("forged-name-1234", "s1", Failed, Guid.NewGuid(), Guid.NewGuid(), CancellationToken.None);

        var counted = callbacks.LastMeasurement;
        Assert.That(counted?.Tags["outcome"], Is.EqualTo(CallbackMetrics.Unconfigured));
        Assert.That(counted?.Tags["medpipeline.organization"], Is.EqualTo("unknown"));
    }

    private static CallbackSender Sender(ScriptedBackend backend) =>
        ScriptedSender.Create(backend, new Dictionary<string, OrganizationOptions>
        {
            ["metrics-hospital"] = new() { CallbackBaseUrl = "http://backend.test/base" },
        }, new CallbackDeliveryOptions { MaxAttempts = 2, FirstRetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(5) });
}
