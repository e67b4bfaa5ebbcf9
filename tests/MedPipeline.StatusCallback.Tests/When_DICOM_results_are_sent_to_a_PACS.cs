using System.Net;
using MedPipeline.Dicom.Reports;
using MedPipeline.Organizations;
using MedPipeline.StatusCallback.DicomOutput;
using MedPipeline.StatusCallback.Options;

namespace MedPipeline.StatusCallback.Tests;

public sealed class When_DICOM_results_are_sent_to_a_PACS
{
    private static readonly DicomResultsOptions Quick = new() { MaxAttempts = 3, FirstRetryDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero };

    private static readonly DicomExportOptions Destination = new()
    {
        Name = "main-pacs", StowUrl = "https://pacs.test/dicom-web", Authorization = "Basic bWVkcGlwZTpzZWNyZXQ=",
    };

    private static readonly ResultObject[] Objects = [new("1.2.840.10008.5.1.4.1.1.88.33", "2.25.1", [1, 2, 3, 4])];

    [Test]
    public async Task A_busy_PACS_is_tried_again_and_the_outcome_counts_the_attempts()
    {
        var pacs = new ScriptedBackend(ScriptedBackend.Status(HttpStatusCode.ServiceUnavailable), ScriptedBackend.Status(HttpStatusCode.OK));

        var outcome = await ScriptedStow.Create(pacs, Quick).SendAsync(Destination, Objects, CancellationToken.None);

        Assert.That(outcome.Outcome, Is.EqualTo(StowClient.Stored));
        Assert.That(outcome.Attempts, Is.EqualTo(2));
        Assert.That(outcome.Destination, Is.EqualTo("main-pacs"));
        Assert.That(outcome.Instances, Is.EqualTo(1));
        var (method, uri, authorization, _) = pacs.Requests[^1];
        Assert.That((method, uri.AbsoluteUri), Is.EqualTo((HttpMethod.Post, "https://pacs.test/dicom-web/studies")));
        Assert.That(authorization, Is.EqualTo("Basic bWVkcGlwZTpzZWNyZXQ="));
    }

    [Test]
    public async Task The_body_is_multipart_related_of_application_dicom()
    {
        var pacs = new RecordingPacs();

        await ScriptedStow.Create(pacs, Quick).SendAsync(Destination, Objects, CancellationToken.None);

        Assert.That(pacs.ContentType, Does.StartWith("multipart/related").And.Contain("type=\"application/dicom\""));
        Assert.That(pacs.Body, Does.Contain("Content-Type: application/dicom"));
    }

    [Test]
    public async Task An_unreachable_PACS_fails_after_the_bounded_attempts_without_naming_its_host()
    {
        var pacs = new ScriptedBackend(ScriptedBackend.NetworkError());

        var outcome = await ScriptedStow.Create(pacs, Quick).SendAsync(Destination, Objects, CancellationToken.None);

        Assert.That(outcome.Outcome, Is.EqualTo(StowClient.Failed));
        Assert.That(outcome.Attempts, Is.EqualTo(3));
        Assert.That(pacs.Requests, Has.Count.EqualTo(3));
        Assert.That(outcome.Reason, Is.EqualTo("unreachable: Connection refused").And.Not.Contain("10.20.30.40"));
    }

    [Test]
    public async Task A_PACS_that_refuses_some_instances_is_a_failure_with_the_reason()
    {
        var pacs = new ScriptedBackend(ScriptedBackend.Status(HttpStatusCode.Accepted));

        var outcome = await ScriptedStow.Create(pacs, Quick).SendAsync(Destination, Objects, CancellationToken.None);

        Assert.That(outcome.Outcome, Is.EqualTo(StowClient.Failed));
        Assert.That(outcome.Attempts, Is.EqualTo(1), "a 202 is an answer, not a transient failure");
        Assert.That(outcome.Reason, Does.Contain("HTTP 202").And.Contain("some instances were refused"));
    }

    private sealed class RecordingPacs : HttpMessageHandler
    {
        public string? ContentType { get; private set; }

        public string Body { get; private set; } = "";

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ContentType = request.Content!.Headers.ContentType!.ToString();
            Body = await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
