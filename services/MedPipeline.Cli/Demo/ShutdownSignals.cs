using System.Runtime.InteropServices;

namespace MedPipeline.Cli.Demo;

/// <summary>
/// Turns SIGINT, SIGTERM, SIGQUIT and SIGHUP into a cancellation, so the demo stops what it started
/// (by PID) whether it is stopped by Ctrl-C, by `kill`, or by a closed terminal.
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignals(CancellationToken outer)
    {
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registrations =
        [
            .. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP }
                .Select(signal => PosixSignalRegistration.Create(signal, OnSignal)),
        ];
    }

    public CancellationToken Token => _cancellation.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Keep the process alive until the stack is stopped; the cancellation does the rest.
        context.Cancel = true;
        _cancellation.Cancel();
    }
}
