using MedPipeline.Contracts;
using MedPipeline.Preprocessor.Series;

namespace MedPipeline.Workers.Tests;

/// <summary>Live progress of preprocessing: throttled per series, never losing the first or the last count.</summary>
public sealed class When_the_preprocessor_reports_progress
{
    private readonly SteppedClock _clock = new();
    private readonly List<SeriesPreprocessingProgressed> _published = [];

    [Test]
    public async Task Counts_within_the_interval_are_left_out_but_the_first_and_the_last_are_sent()
    {
        var series = new PreprocessSeries { CorrelationId = Guid.NewGuid(), AttemptId = Guid.NewGuid() };
        var progress = new PreprocessingProgress(series, (p, _) => { _published.Add(p); return Task.CompletedTask; }, _clock);

        await progress.ReportAsync(0, 10, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        await progress.ReportAsync(1, 10, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(160));
        await progress.ReportAsync(2, 10, CancellationToken.None);
        await progress.ReportAsync(3, 10, CancellationToken.None);
        await progress.ReportAsync(10, 10, CancellationToken.None);

        Assert.That(_published.Select(p => (p.Done, p.Total)), Is.EqualTo(new[] { (0, 10), (2, 10), (10, 10) }));
        Assert.That(_published.Select(p => (p.CorrelationId, p.AttemptId)), Has.All.EqualTo((series.CorrelationId, series.AttemptId)));
    }

    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
