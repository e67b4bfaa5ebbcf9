using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace MedPipeline.Gateway.Tests;

/// <summary>A bare TCP connection to a listening gateway, for what HttpClient will not do: hold a connection, send headers slowly, stall an upload.</summary>
internal sealed class RawHttpConnection : IDisposable
{
    private readonly TcpClient _client = new();

    private RawHttpConnection()
    {
    }

    public static async Task<RawHttpConnection> OpenAsync(Uri gateway)
    {
        var connection = new RawHttpConnection();
        await connection._client.ConnectAsync(gateway.Host, gateway.Port);
        return connection;
    }

    /// <summary>False when the server has already closed or reset the connection.</summary>
    public async Task<bool> TrySendAsync(string text)
    {
        try
        {
            await _client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(text));
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads until the server closes the connection, <paramref name="until"/> is seen, or <paramref name="timeout"/> passes:
    /// what arrived, whether the connection ended (closed or reset), and when.
    /// </summary>
    public async Task<(string Text, bool Ended, TimeSpan Elapsed)> ReadAsync(TimeSpan timeout, string? until = null)
    {
        var watch = Stopwatch.StartNew();
        var text = new StringBuilder();
        var buffer = new byte[8192];
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var read = await _client.GetStream().ReadAsync(buffer, deadline.Token);
                if (read == 0)
                {
                    return (text.ToString(), true, watch.Elapsed);
                }

                text.Append(Encoding.ASCII.GetString(buffer, 0, read));
                if (until is not null && text.ToString().Contains(until, StringComparison.Ordinal))
                {
                    return (text.ToString(), false, watch.Elapsed);
                }
            }
        }
        catch (OperationCanceledException)
        {
            return (text.ToString(), false, watch.Elapsed);
        }
        catch (IOException)
        {
            return (text.ToString(), true, watch.Elapsed);
        }
    }

    public void Dispose() => _client.Dispose();
}
