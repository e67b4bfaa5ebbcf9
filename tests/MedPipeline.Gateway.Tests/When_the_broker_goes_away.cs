using System.Net;
using MedPipeline.LocalStack;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>A broker of its own, stopped under a running gateway.</summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_the_broker_goes_away
{
    [Test]
    public async Task A_series_request_is_refused_with_503_and_nothing_is_kept()
    {
        var broker = await PrivateRabbitMq.StartAsync(TimeSpan.FromSeconds(90));
        var stopped = false;
        try
        {
            await using var gateway = new SeriesGateway(broker.Endpoint.AmqpUri(), ("Gateway__Upload__PublishTimeout", "00:00:03"));
            using var client = gateway.Client();
            using (var first = SeriesGateway.Request())
            using (var accepted = await client.PostAsync("api/studies/series/predict", first))
            {
                Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), "queued while the broker was there");
            }

            var kept = gateway.Archives();
            await broker.DisposeAsync();
            stopped = true;
            using var form = SeriesGateway.Request();
            using var response = await client.PostAsync("api/studies/series/predict", form);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), await response.Content.ReadAsStringAsync());
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("nothing was kept"));
            Assert.That(gateway.Archives(), Is.EqualTo(kept), "only the queued request's archive is kept");
        }
        finally
        {
            if (!stopped)
            {
                await broker.DisposeAsync();
            }
        }
    }
}
