using System.Collections.Concurrent;
using System.Diagnostics;

namespace MedPipeline.Hosting.Tests;

/// <summary>
/// Sees every request any HttpClient in this process starts (System.Net.Http's DiagnosticListener, which
/// fires before the name is resolved or a socket opened) and stops those to non-loopback hosts right
/// there, so a test can watch for a call to the outside without one ever leaving the machine.
/// </summary>
public sealed class OutgoingHttpRequests : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentQueue<IDisposable> _subscriptions = new();

    public OutgoingHttpRequests() => _subscriptions.Enqueue(DiagnosticListener.AllListeners.Subscribe(this));

    public ConcurrentQueue<Uri> Seen { get; } = new();

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == "HttpHandlerDiagnosticListener")
        {
            _subscriptions.Enqueue(value.Subscribe(this));
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != "System.Net.Http.HttpRequestOut.Start"
            || value.Value?.GetType().GetProperty("Request")?.GetValue(value.Value) is not HttpRequestMessage { RequestUri: { } uri })
        {
            return;
        }

        Seen.Enqueue(uri);
        if (!uri.IsLoopback)
        {
            throw new HttpRequestException($"Stopped by the test before it left the machine: {uri}");
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        while (_subscriptions.TryDequeue(out var subscription))
        {
            subscription.Dispose();
        }
    }
}
