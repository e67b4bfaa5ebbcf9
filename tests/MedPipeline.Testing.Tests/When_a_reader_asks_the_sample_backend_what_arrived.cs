using System.Text.Json;
using MedPipeline.SampleBackend;

namespace MedPipeline.Testing.Tests;

/// <summary>The sample backend's GET /received?after=N&amp;waitSeconds=S, which the speed benchmark reads instead of polling the whole list.</summary>
public sealed class When_a_reader_asks_the_sample_backend_what_arrived
{
    [Test]
    public void Only_the_callbacks_after_those_already_read_come_back_in_arrival_order()
    {
        var received = new ReceivedCallbacks();
        foreach (var id in new[] { "s-1", "s-2", "s-3" })
        {
            received.Add(Callback(id));
        }

        Assert.Multiple(() =>
        {
            Assert.That(received.All.Select(c => c.SeriesId), Is.EqualTo(new[] { "s-1", "s-2", "s-3" }));
            Assert.That(received.After(1).Select(c => c.SeriesId), Is.EqualTo(new[] { "s-2", "s-3" }));
            Assert.That(received.After(3), Is.Empty);
            Assert.That(received.After(-5), Has.Count.EqualTo(3), "a negative count reads from the start");
        });
    }

    [Test]
    public async Task A_waiting_reader_gets_the_next_callback_as_soon_as_it_arrives()
    {
        var received = new ReceivedCallbacks();
        received.Add(Callback("s-1"));
        var waiting = received.AfterAsync(1, TimeSpan.FromSeconds(30), CancellationToken.None);
        await Task.Delay(50);
        Assert.That(waiting.IsCompleted, Is.False, "nothing new has arrived yet");

        received.Add(Callback("s-2"));
        var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(next.Select(c => c.SeriesId), Is.EqualTo(new[] { "s-2" }));
    }

    [Test]
    public async Task A_waiting_reader_gets_what_is_already_there_at_once_and_nothing_when_none_comes_in_time()
    {
        var received = new ReceivedCallbacks();
        received.Add(Callback("s-1"));
        var already = await received.AfterAsync(0, TimeSpan.FromSeconds(30), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        var none = await received.AfterAsync(1, TimeSpan.FromMilliseconds(100), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(already.Select(c => c.SeriesId), Is.EqualTo(new[] { "s-1" }));
            Assert.That(none, Is.Empty);
        });
    }

    private static ReceivedCallback Callback(string seriesId) =>
        new(seriesId, $"/api/studies/series/{seriesId}/status", DateTimeOffset.UtcNow, JsonDocument.Parse("""{"status":"completed"}""").RootElement.Clone(), true, null);
}
