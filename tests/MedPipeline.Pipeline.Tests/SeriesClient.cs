using System.Net.Http.Headers;
using System.Text.Json;
using MedPipeline.SampleData;

namespace MedPipeline.Pipeline.Tests;

/// <summary>What a hospital backend does: submit a series to the gateway, read its status, see the callbacks it got.</summary>
internal sealed class SeriesClient : IDisposable
{
    private readonly HttpClient _gateway;
    private readonly HttpClient _backend = new() { BaseAddress = Pipeline.Running.SampleBackend, Timeout = TimeSpan.FromSeconds(10) };

    /// <param name="asOtherOrganization">Authenticate with the other organization's key (cross-tenant checks).</param>
    /// <param name="gateway">The gateway instance to talk to (a replica's name from LocalPipeline.StartReplicaAsync).</param>
    public SeriesClient(bool asOtherOrganization = false, string gateway = LocalStack.PipelineService.Gateway) =>
        _gateway = Pipeline.Running.GatewayClient(asOtherOrganization, TimeSpan.FromMinutes(2), gateway);

    public static string NewSeriesId() => $"backend-{Guid.NewGuid():N}"[..20];

    public async Task<HttpResponseMessage> SubmitAsync(SampleSeries series, string modelType, string seriesId, bool? predictAgain = null,
        string? organization = null)
    {
        using var form = SeriesRequestForm.Create(series, modelType, seriesId, organization ?? Pipeline.Running.Organization, predictAgain);
        return await _gateway.PostAsync("api/studies/series/predict", form);
    }

    public Task<HttpResponseMessage> PostAsync(HttpContent content) => _gateway.PostAsync("api/studies/series/predict", content);

    /// <summary>A GET on a gateway URL as this client's organization (e.g. a heatmap URL from the status answer).</summary>
    public Task<HttpResponseMessage> GetAsync(string url) => _gateway.GetAsync(url.TrimStart('/'));

    public static MultipartFormDataContent Form(byte[]? file, string fileName, Dictionary<string, string?> fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                form.Add(new StringContent(value), name);
            }
        }

        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            form.Add(content, "file", fileName);
        }

        return form;
    }

    public async Task<JsonElement?> StatusAsync(SampleSeries series, string modelType)
    {
        using var response = await _gateway.GetAsync(
            $"api/studies/series/{series.SeriesInstanceUid}/status?organization={Pipeline.Running.Organization}&modelType={modelType}");
        return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : null;
    }

    /// <summary>Polls the status until <paramref name="done"/> holds; fails with the last status and the service logs.</summary>
    public async Task<JsonElement> WaitForStatusAsync(SampleSeries series, string modelType, Func<JsonElement, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        JsonElement? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await StatusAsync(series, modelType);
            if (last is { } status && done(status))
            {
                return status;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The series did not get there in time. Last status: {last}\n{Logs()}");
        throw new InvalidOperationException();
    }

    public Task<JsonElement> WaitForFinishAsync(SampleSeries series, string modelType, TimeSpan? timeout = null) =>
        WaitForStatusAsync(series, modelType, s => s.GetProperty("status").GetString() != "running", timeout);

    /// <summary>The callbacks the sample backend received for one backend series id, in arrival order.</summary>
    public async Task<List<JsonElement>> CallbacksAsync(string seriesId)
    {
        using var document = JsonDocument.Parse(await _backend.GetStringAsync("received"));
        return [.. document.RootElement.EnumerateArray()
            .Where(c => c.GetProperty("seriesId").GetString() == seriesId)
            .Select(c => c.GetProperty("body").Clone())];
    }

    /// <summary>The request paths at the sample backend of one backend series id's callbacks.</summary>
    public async Task<List<string>> CallbackPathsAsync(string seriesId)
    {
        using var document = JsonDocument.Parse(await _backend.GetStringAsync("received"));
        return [.. document.RootElement.EnumerateArray()
            .Where(c => c.GetProperty("seriesId").GetString() == seriesId)
            .Select(c => c.GetProperty("path").GetString()!)];
    }

    public async Task<List<JsonElement>> WaitForCallbacksAsync(string seriesId, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var callbacks = await CallbacksAsync(seriesId);
        while (callbacks.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            callbacks = await CallbacksAsync(seriesId);
        }

        Assert.That(callbacks, Has.Count.GreaterThanOrEqualTo(count), $"callbacks for {seriesId}\n{Logs()}");
        return callbacks;
    }

    /// <summary>Waits a little longer to be sure no extra callback follows.</summary>
    public async Task<List<JsonElement>> SettledCallbacksAsync(string seriesId, int expected)
    {
        await WaitForCallbacksAsync(seriesId, expected);
        await Task.Delay(TimeSpan.FromSeconds(3));
        return await CallbacksAsync(seriesId);
    }

    public Task OutageAsync(TimeSpan duration) =>
        _backend.PostAsync($"outage?seconds={(int)duration.TotalSeconds}", null).ContinueWith(t => t.Result.EnsureSuccessStatusCode());

    public static string Logs() => string.Join("\n", LocalStack.PipelineService.All.Select(name => $"--- {name}\n{Pipeline.Running.LogOf(name)}"));

    public void Dispose()
    {
        _gateway.Dispose();
        _backend.Dispose();
    }
}
