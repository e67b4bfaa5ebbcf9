using System.Net;
using MedPipeline.LocalStack;

namespace MedPipeline.Pipeline.Tests;

public sealed class When_a_service_is_scraped
{
    [Test]
    public async Task Every_service_answers_metrics_in_Prometheus_text_with_MassTransit_runtime_and_ASP_NET_Core_metrics()
    {
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel("ct-lesion-classifier", 2);
        var seriesId = SeriesClient.NewSeriesId();
        (await client.SubmitAsync(series, "ct-lesion-classifier", seriesId)).Dispose();
        await client.WaitForCallbacksAsync(seriesId, 1);

        foreach (var name in PipelineService.All.Where(n => n != PipelineService.SampleBackend))
        {
            using var http = new HttpClient { BaseAddress = Pipeline.Running.AddressOf(name) };
            if (name == PipelineService.Gateway)
            {
                // Every gateway endpoint but the health probes needs a caller identity, /metrics included.
                http.DefaultRequestHeaders.Add("X-API-Key", Pipeline.Running.ApiKey);
            }

            using var response = await http.GetAsync(new Uri("metrics", UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), name);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"), name);
            Assert.That(text, Does.Contain("messaging_masstransit_"), $"{name}: MassTransit's meter");
            Assert.That(text, Does.Contain("dotnet_gc_"), $"{name}: the runtime's");
            Assert.That(text, Does.Contain("http_server_request_duration_seconds"), $"{name}: ASP.NET Core's (its health probes)");
        }
    }
}
