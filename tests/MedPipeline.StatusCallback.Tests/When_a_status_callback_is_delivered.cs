using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MedPipeline.Organizations;
using MedPipeline.StatusCallback.Delivery;
using MedPipeline.StatusCallback.Options;

namespace MedPipeline.StatusCallback.Tests;

public sealed class When_a_status_callback_is_delivered
{
    private static readonly CallbackBody Completed = new()
    {
        Status = "completed",
        ModelType = "ct-lesion-classifier",
        Result = new JsonObject { ["predicted_class"] = "lesion", ["probability"] = 0.93 },
    };

    [Test]
    public async Task It_PUTs_the_body_to_the_configured_backend_with_the_escaped_series_id()
    {
        var backend = new ScriptedBackend(ScriptedBackend.Status(HttpStatusCode.NoContent));

        var outcome = await Sender(backend).SendAsync("st-olaf", "series/42", Completed, Guid.NewGuid(), Guid.NewGuid(), CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(CallbackOutcome.Success(204, 1)));
        var request = backend.Requests.Single();
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Put));
        Assert.That(request.Uri.AbsoluteUri, Is.EqualTo("http://backend.test/base/api/studies/series/series%2F42/status"));
        Assert.That(request.Authorization, Is.EqualTo("Bearer s3cret"));
        var json = JsonNode.Parse(request.Body)!;
        Assert.That((string?)json["status"], Is.EqualTo("completed"));
        Assert.That((string?)json["modelType"], Is.EqualTo("ct-lesion-classifier"));
        Assert.That((double?)json["result"]!["probability"], Is.EqualTo(0.93));
        Assert.That(json.AsObject().ContainsKey("reason"), Is.False);
    }

    [Test]
    public async Task Server_errors_and_network_errors_are_retried_until_it_succeeds()
    {
        var backend = new ScriptedBackend(
            ScriptedBackend.Status(HttpStatusCode.ServiceUnavailable),
            ScriptedBackend.NetworkError(),
            ScriptedBackend.Status(HttpStatusCode.TooManyRequests),
            ScriptedBackend.Status(HttpStatusCode.RequestTimeout),
            ScriptedBackend.Status(HttpStatusCode.OK));

        var outcome = await Sender(backend).SendAsync("st-olaf", "s1", Completed, Guid.NewGuid(), Guid.NewGuid(), CancellationToken.None);

        Assert.That(outcome.Delivered, Is.True);
        Assert.That(outcome.Attempts, Is.EqualTo(5));
    }

    [TestCase(HttpStatusCode.BadRequest)]
    [TestCase(HttpStatusCode.Unauthorized)]
    [TestCase(HttpStatusCode.NotFound)]
    [TestCase(HttpStatusCode.Conflict)]
    public async Task A_client_error_other_than_408_or_429_is_final(HttpStatusCode status)
    {
        var backend = new ScriptedBackend(ScriptedBackend.Status(status));

        var outcome = await Sender(backend).SendAsync("st-olaf", "s1", Completed, Guid.NewGuid(), Guid.NewGuid(), CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(new CallbackOutcome(false, (int)status, 1, $"backend answered {(int)status} {new HttpResponseMessage(status).ReasonPhrase}", false)));
    }

    [Test]
    public async Task A_backend_that_stays_down_is_reported_unreachable_and_retryable()
    {
        var backend = new ScriptedBackend(ScriptedBackend.NetworkError());

        var outcome = await Sender(backend, maxAttempts: 3).SendAsync("st-olaf", "s1", Completed, Guid.NewGuid(), Guid.NewGuid(), CancellationToken.None);

        Assert.That(outcome.Delivered, Is.False);
        Assert.That(outcome.Retryable, Is.True);
        Assert.That(outcome.Attempts, Is.EqualTo(3));
        Assert.That(outcome.Error, Does.Contain("unreachable").And.Contain("Connection refused"));
    }

    [Test]
    public async Task The_reason_of_an_unreachable_backend_names_no_host_or_port()
    {
        var backend = new ScriptedBackend(ScriptedBackend.NetworkError());

        var outcome = await Sender(backend, maxAttempts: 2).SendAsync("st-olaf", "s1", Completed, Guid.NewGuid(), Guid.NewGuid(), CancellationToken.None);

        Assert.That(outcome.Error, Is.EqualTo("backend unreachable: Connection refused"));
        Assert.That(outcome.Error, Does.Not.Contain("10.20.30.40").And.Not.Contain("8443"));
    }

    [Test]
    public async Task A_backend_answering_5xx_every_time_is_retryable_with_its_last_status()
    {
        var backend = new ScriptedBackend(ScriptedBackend.Status(HttpStatusCode.BadGateway));

        var outcome = await Sender(backend, maxAttempts: 2).SendAsync("st-olaf", "s1", Completed, Guid.NewGuid(), Guid.NewGuid(), CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(new CallbackOutcome(false, 502, 2, "backend answered 502 Bad Gateway", true)));
    }

    [Test]
    public async Task An_unknown_organization_is_never_called()
    {
        var backend = new ScriptedBackend(ScriptedBackend.Status(HttpStatusCode.OK));

        var outcome = await Sender(backend).SendAsync("somebody-else", "s1", Completed, Guid.NewGuid(), Guid.NewGuid(), CancellationToken.None);

        Assert.That(outcome.Delivered, Is.False);
        Assert.That(outcome.Error, Does.Contain("not configured"));
        Assert.That(backend.Requests, Is.Empty);
    }

    [Test]
    public void A_failed_body_carries_its_reason()
    {
        var json = JsonSerializer.Serialize(new CallbackBody { Status = "failed", ModelType = "m", Reason = "entry '../x.dcm' escapes the archive folder" });

        Assert.That(json, Does.Contain("\"reason\":\"entry \\u0027../x.dcm\\u0027 escapes the archive folder\""));
    }

    private static CallbackSender Sender(ScriptedBackend backend, int maxAttempts = 6) =>
        ScriptedSender.Create(backend, new Dictionary<string, OrganizationOptions>
        {
            ["st-olaf"] = new() { CallbackBaseUrl = "http://backend.test/base", CallbackBearerToken = "s3cret" },
        }, new CallbackDeliveryOptions
        {
            MaxAttempts = maxAttempts,
            FirstRetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        });
}
