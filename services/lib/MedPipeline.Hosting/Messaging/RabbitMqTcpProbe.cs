using System.Net.Sockets;
using MedPipeline.Hosting.Health;
using Microsoft.Extensions.Options;

namespace MedPipeline.Hosting.Messaging;

/// <summary>The broker answers when its AMQP port accepts a TCP connection within a second.</summary>
internal sealed class RabbitMqTcpProbe(IOptions<RabbitMqOptions> options) : IBrokerProbe
{
    public async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        var address = options.Value.ToHostAddress();
        var port = address.Port > 0 ? address.Port : address.Scheme is "amqps" or "rabbitmqs" ? 5671 : 5672;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(address.Host, port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
