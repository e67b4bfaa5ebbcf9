using System.Diagnostics;

namespace MedPipeline.Hosting.Telemetry;

/// <summary>One running stage: its span (when traces are listened to) and its duration.</summary>
public sealed class StageSpan : IDisposable
{
    private readonly string _stage;
    private readonly long _started = Stopwatch.GetTimestamp();
    private string _outcome = "ok";
    private bool _disposed;

    internal StageSpan(string stage, Activity? activity)
    {
        _stage = stage;
        Activity = activity;
    }

    public Activity? Activity { get; }

    /// <summary>Marks the stage failed; <paramref name="reason"/> must not contain patient data.</summary>
    public void Fail(string reason)
    {
        _outcome = "failed";
        Activity?.SetStatus(ActivityStatusCode.Error, reason);
    }

    /// <summary>
    /// For an exception filter (<c>catch (Exception e) when (span.Threw(e))</c>): marks the stage failed with the
    /// exception's type, never its message (which may name files or hosts), and lets the exception go on.
    /// </summary>
    public bool Threw(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Fail(exception.GetType().Name);
        return false;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        MedPipelineTelemetry.StageDuration.Record(Stopwatch.GetElapsedTime(_started).TotalMilliseconds,
            new KeyValuePair<string, object?>("medpipeline.stage", _stage), new KeyValuePair<string, object?>("outcome", _outcome));
        Activity?.Dispose();
    }
}
