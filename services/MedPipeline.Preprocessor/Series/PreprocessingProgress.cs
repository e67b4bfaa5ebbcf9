using MedPipeline.Contracts;

namespace MedPipeline.Preprocessor.Series;

/// <summary>
/// Reports image instances done of the total as <see cref="SeriesPreprocessingProgressed"/>, at most once per
/// <see cref="Interval"/> per series and always for the first and the last, so a long series shows steady progress
/// without one message per instance on the broker.
/// </summary>
public sealed class PreprocessingProgress(PreprocessSeries series, Func<SeriesPreprocessingProgressed, CancellationToken, Task> publish, TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private long? _lastReported;

    public async Task ReportAsync(int done, int total, CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        if (done < total && _lastReported is { } last && time.GetElapsedTime(last, now) < Interval)
        {
            return;
        }

        _lastReported = now;
        await publish(new SeriesPreprocessingProgressed { CorrelationId = series.CorrelationId, AttemptId = series.AttemptId, Done = done, Total = total },
            cancellationToken);
    }
}
