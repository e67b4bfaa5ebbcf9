using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MedPipeline.LocalStack;

/// <summary>
/// Hands out loopback ports that were free a moment ago and are not handed out twice. They are picked below the
/// kernel's ephemeral range (ip_local_port_range): a port from that range can be taken by any outgoing connection
/// on the machine (to the broker, the database, a backend) between our check and the service's bind.
/// </summary>
public static class FreeTcpPort
{
    private const int Lowest = 10000;
    private static readonly HashSet<int> Handed = [];
    private static readonly Lock Gate = new();
    private static readonly int BelowEphemeral = FirstEphemeralPort();

    public static int Next()
    {
        lock (Gate)
        {
            while (true)
            {
                var port = Random.Shared.Next(Lowest, BelowEphemeral);
                if (!Handed.Contains(port) && IsFree(port))
                {
                    Handed.Add(port);
                    return port;
                }
            }
        }
    }

    public static async Task<bool> AnswersAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FirstEphemeralPort()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        var first = File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0],
            NumberStyles.Integer, CultureInfo.InvariantCulture, out var low) ? low : 32768;
        return Math.Max(first, Lowest + 1000);
    }
}
