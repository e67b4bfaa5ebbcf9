using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// POST /api/admin/series/{id}/rerun and /cancel on a real database with the pipeline's grants (read as the gateway's role):
/// tenancy as the read side, and the state and upload checks that answer 409 before anything is published.
/// </summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_an_admin_reruns_or_cancels_a_series
{
    private const string UploadGone = "the upload is gone; submit the series again";
    private AdminGateway _admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _admin = await AdminGateway.StartAsync(AdminActionRows.WriteAsync);
        foreach (var key in AdminActionRows.StoredUploads)
        {
            var path = Path.Combine(_admin.Series.Store, key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, [0x50, 0x4B, 0x03, 0x04]);
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _admin.DisposeAsync();

    [TestCase("rerun")]
    [TestCase("cancel")]
    public async Task Without_credentials_it_is_401_and_with_submit_and_read_only_403(string action)
    {
        using var anonymous = _admin.Series.Factory.CreateClient();
        using var ordinary = _admin.Series.Client();

        using var unauthenticated = await anonymous.PostAsync($"api/admin/series/{AdminActionRows.Running}/{action}", null);
        using var forbidden = await ordinary.PostAsync($"api/admin/series/{AdminActionRows.Running}/{action}", null);

        Assert.That((unauthenticated.StatusCode, forbidden.StatusCode), Is.EqualTo((HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden)));
    }

    [TestCase("rerun")]
    [TestCase("cancel")]
    public async Task Another_organizations_series_and_an_unknown_one_are_404_for_an_admin(string action)
    {
        var (other, _) = await PostAsync(_admin.AdminKey, AdminSeriesRows.OtherFailed, action);
        var (unknown, _) = await PostAsync(_admin.AdminKey, Guid.NewGuid().ToString(), action);

        Assert.That((other, unknown), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound)));
    }

    [TestCase(AdminActionRows.FailedUploadDeleted)]
    [TestCase(AdminActionRows.FailedUploadMissing)]
    public async Task A_failed_series_whose_upload_is_gone_is_409_saying_so(string id)
    {
        var (status, problem) = await PostAsync(_admin.AdminKey, id, "rerun");

        Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo(UploadGone));
    }

    [Test]
    public async Task A_completed_series_is_409_for_rerun_and_cancel_and_a_failed_one_for_cancel()
    {
        var (rerun, rerunProblem) = await PostAsync(_admin.AdminKey, AdminSeriesRows.Completed, "rerun");
        var (cancelCompleted, _) = await PostAsync(_admin.AdminKey, AdminSeriesRows.Completed, "cancel");
        var (cancelFailed, cancelProblem) = await PostAsync(_admin.AdminKey, AdminActionRows.FailedUploadKept, "cancel");

        Assert.That((rerun, cancelCompleted, cancelFailed), Is.EqualTo((HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict)));
        Assert.That(rerunProblem.GetProperty("detail").GetString(), Does.Contain("predictAgain"));
        Assert.That(cancelProblem.GetProperty("detail").GetString(), Is.EqualTo("the series already ended (Failed); only a running series is cancelled"));
    }

    [Test]
    public async Task A_running_series_is_accepted_for_rerun_and_cancel_and_a_failed_one_with_its_upload_for_rerun()
    {
        var (rerunRunning, accepted) = await PostAsync(_admin.AdminKey, AdminActionRows.Running, "rerun");
        var (cancelRunning, _) = await PostAsync(_admin.AdminKey, AdminActionRows.Running, "cancel");
        var (rerunFailed, _) = await PostAsync(_admin.AdminKey, AdminActionRows.FailedUploadKept, "rerun");

        Assert.That((rerunRunning, cancelRunning, rerunFailed), Is.EqualTo((HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted)));
        Assert.That((accepted.GetProperty("correlationId").GetString(), accepted.GetProperty("action").GetString()),
            Is.EqualTo((AdminActionRows.Running, "rerun")));
    }

    [Test]
    public async Task An_operator_acts_on_any_organizations_series()
    {
        var (status, _) = await PostAsync(_admin.OperatorKey, AdminActionRows.FailedUploadKept, "rerun");
        var (otherHospitals, problem) = await PostAsync(_admin.OperatorKey, AdminSeriesRows.OtherFailed, "rerun");

        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(otherHospitals, Is.EqualTo(HttpStatusCode.Conflict), "visible to an operator; its upload is not in the read model");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo(UploadGone));
    }

    [Test]
    public async Task A_note_longer_than_200_characters_is_400()
    {
        var (status, problem) = await PostAsync(_admin.AdminKey, AdminActionRows.Running, "cancel", new string('n', 201));

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").TryGetProperty("reason", out _), Is.True);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string key, string id, string action, string? reason = null)
    {
        using var client = _admin.ClientWith(key);
        using var response = await client.PostAsync($"api/admin/series/{id}/{action}{(reason is null ? "" : $"?reason={reason}")}", null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body);
    }
}
