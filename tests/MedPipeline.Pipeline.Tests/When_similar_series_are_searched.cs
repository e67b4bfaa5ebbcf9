using System.Net;
using System.Text.Json;

namespace MedPipeline.Pipeline.Tests;

/// <summary>Embeddings end to end: the inference worker's vector, kept by the saga, found by the gateway's search.</summary>
public sealed class When_similar_series_are_searched
{
    [Test]
    public async Task A_series_with_the_same_images_as_an_earlier_one_finds_it_at_distance_zero_and_another_hospital_finds_nothing()
    {
        using var client = new SeriesClient();
        var earlier = Pipeline.Samples.ForModel("xray-anomaly", 3);
        var later = Pipeline.Samples.ForModel("xray-anomaly", 3);
        foreach (var series in new[] { earlier, later })
        {
            using var response = await client.SubmitAsync(series, "xray-anomaly", SeriesClient.NewSeriesId());
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
            Assert.That((await client.WaitForFinishAsync(series, "xray-anomaly")).GetProperty("status").GetString(), Is.EqualTo("completed"));
        }

        using var gateway = Pipeline.Running.GatewayClient(false, TimeSpan.FromSeconds(30));
        var path = $"api/studies/series/{later.SeriesInstanceUid}/similar?modelType=xray-anomaly&k=50";
        using var answer = await gateway.GetAsync(path);
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), await answer.Content.ReadAsStringAsync());
        var items = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray().ToList();

        var found = items.SingleOrDefault(i => i.GetProperty("seriesInstanceUid").GetString() == earlier.SeriesInstanceUid);
        Assert.That(found.ValueKind, Is.EqualTo(JsonValueKind.Object), $"the earlier series is among the similar ones: {string.Join(", ", items)}");
        Assert.That(found.GetProperty("distance").GetDouble(), Is.LessThan(1e-3), "the same pixels give the same embedding");
        Assert.That(found.GetProperty("status").GetString(), Is.EqualTo("completed"));
        Assert.That(items.Select(i => i.GetProperty("distance").GetDouble()), Is.Ordered, "nearest first");
        Assert.That(items.Select(i => i.GetProperty("seriesInstanceUid").GetString()), Does.Not.Contain(later.SeriesInstanceUid), "not itself");

        using var other = Pipeline.Running.GatewayClient(true, TimeSpan.FromSeconds(30));
        using var hidden = await other.GetAsync(path);
        Assert.That(hidden.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "another hospital cannot tell that the series exists");
    }
}
