using System.Text.Json;
using MedPipeline.Contracts;
using MedPipeline.Hosting.Logging;
using MedPipeline.LocalStack;

namespace MedPipeline.Pipeline.Tests;

public sealed class When_a_series_is_traced
{
    [Test]
    public async Task One_trace_id_runs_from_the_gateway_request_to_the_callback_and_no_patient_data_is_logged()
    {
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel("ct-lesion-classifier", 2);
        var seriesId = SeriesClient.NewSeriesId();
        (await client.SubmitAsync(series, "ct-lesion-classifier", seriesId)).Dispose();
        await client.WaitForCallbacksAsync(seriesId, 1);
        await Task.Delay(500);
        var correlationId = SeriesCorrelation.For(Pipeline.Running.Organization, series.StudyInstanceUid, series.SeriesInstanceUid, "ct-lesion-classifier").ToString();

        var accepted = TraceIdOf(PipelineService.Gateway, line => line.Contains("accepted for series", StringComparison.Ordinal), correlationId);
        var delivered = TraceIdOf(PipelineService.StatusCallback, line => line.Contains("delivered", StringComparison.Ordinal), correlationId);

        Assert.That(accepted, Is.Not.Null.And.Not.Empty);
        Assert.That(delivered, Is.EqualTo(accepted), "the callback's span belongs to the trace the gateway request started");
        foreach (var name in PipelineService.All)
        {
            Assert.That(Pipeline.Running.FullLogOf(name).Where(l => PatientAttributes.Names.Any(n => l.Contains(n, StringComparison.OrdinalIgnoreCase))),
                Is.Empty, name);
        }
    }

    [Test]
    public async Task No_line_of_any_service_names_a_series_UID_or_a_request_path_even_after_status_reads_by_URL()
    {
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel("ct-lesion-classifier", 2);
        var seriesId = SeriesClient.NewSeriesId();
        (await client.SubmitAsync(series, "ct-lesion-classifier", seriesId)).Dispose();
        await client.WaitForCallbacksAsync(seriesId, 1);
        // The status URL carries the series UID: ASP.NET Core's request scope would put it on every line of the request.
        Assert.That(await client.StatusAsync(series, "ct-lesion-classifier"), Is.Not.Null);
        Assert.That(await client.StatusAsync(series, "no-such-model"), Is.Null);

        foreach (var name in PipelineService.All)
        {
            var lines = Pipeline.Running.FullLogOf(name);
            Assert.That(lines.Where(l => l.Contains(series.SeriesInstanceUid, StringComparison.Ordinal)), Is.Empty, $"{name}: a line names the series UID");
            Assert.That(lines.Where(l => l.Contains("\"RequestPath\"", StringComparison.Ordinal)), Is.Empty, $"{name}: a line carries a request path");
        }
    }

    private static string? TraceIdOf(string service, Func<string, bool> match, string correlationId)
    {
        var line = Pipeline.Running.FullLogOf(service).LastOrDefault(l => l.Contains(correlationId, StringComparison.Ordinal) && match(l));
        Assert.That(line, Is.Not.Null, $"no matching {service} log line for {correlationId}");
        using var json = JsonDocument.Parse(line!);
        return json.RootElement.GetProperty("Scopes").EnumerateArray()
            .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out _))
            .Select(s => s.GetProperty("TraceId").GetString())
            .FirstOrDefault();
    }
}
