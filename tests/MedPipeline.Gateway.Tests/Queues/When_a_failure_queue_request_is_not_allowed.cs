using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests.Queues;

/// <summary>The failure-queue endpoints refuse hospital admins, names that are not failure queues, and what the ops user may not read.</summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_a_failure_queue_request_is_not_allowed
{
    private FailureQueueGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _gateway = await FailureQueueGateway.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _gateway.DisposeAsync();

    [TestCase("GET", "api/admin/queues")]
    [TestCase("GET", "api/admin/queues/series-state_error/messages")]
    [TestCase("POST", "api/admin/queues/series-state_error/replay")]
    [TestCase("POST", "api/admin/queues/series-state_error/messages/abc/replay")]
    [TestCase("POST", "api/admin/queues/series-state_error/messages/abc/discard")]
    public async Task A_hospital_admin_is_403_problem_json(string method, string path)
    {
        using var client = _gateway.Admin.ClientWith(_gateway.Admin.AdminKey);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [TestCase("GET", "api/admin/queues/series-state/messages")]
    [TestCase("POST", "api/admin/queues/series-state/replay")]
    [TestCase("POST", "api/admin/queues/_error/replay")]
    [TestCase("POST", "api/admin/queues/amq.direct/messages/abc/discard")]
    public async Task A_queue_that_is_not_a_failure_queue_is_400_naming_it(string method, string path)
    {
        using var client = _gateway.Admin.ClientWith(_gateway.Admin.OperatorKey);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "queue" }));
    }

    [Test]
    public async Task A_bad_limit_is_400_naming_it()
    {
        using var client = _gateway.Admin.ClientWith(_gateway.Admin.OperatorKey);

        using var response = await client.GetAsync("api/admin/queues/series-state_error/messages?limit=0");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "limit" }));
    }

    [TestCase("api/admin/queues/not-ours_error/messages", "GET")]
    [TestCase("api/admin/queues/series-state_skipped/messages/abc/replay", "POST")]
    public async Task A_queue_the_ops_user_may_not_read_or_the_broker_lacks_or_a_missing_message_is_404(string path, string method)
    {
        using var client = _gateway.Admin.ClientWith(_gateway.Admin.OperatorKey);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }
}
