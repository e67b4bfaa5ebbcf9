using System.Net.Http;
using System.Net.Sockets;
using Polly.Timeout;

namespace MedPipeline.StatusCallback.Delivery;

/// <summary>
/// Why a backend could not be reached, in words for the series status and callbacks: HttpClient's own
/// messages name the host and port ("Connection refused (10.1.2.3:443)"), which the status must not show
/// (the log line keeps the full message for the operator).
/// </summary>
internal static class UnreachableReason
{
    public static string Of(Exception exception) => exception switch
    {
        TimeoutRejectedException => "no answer in time",
        HttpRequestException { InnerException: SocketException socket } => Of(socket.SocketErrorCode),
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "the host name does not resolve",
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "the TLS handshake failed",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "the connection failed",
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse } => "the answer was cut off or invalid",
        _ => "the request failed",
    };

    private static string Of(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "Connection refused",
        SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => "the host name does not resolve",
        SocketError.TimedOut => "the connection timed out",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => "the network is unreachable",
        SocketError.ConnectionReset => "the connection was reset",
        _ => "the connection failed",
    };
}
