using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace MedPipeline.Gateway.Admin.Queues;

/// <summary>
/// The gateway's one AMQP connection as the ops broker user (<see cref="AdminBrokerOptions.Uri"/>), opened on the
/// first queue operation (not at start: the series API must not depend on it) and again after it closed.
/// </summary>
public sealed class OpsBrokerConnection(IOptions<AdminBrokerOptions> options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    /// <summary>A channel with publisher confirms tracked: each publish returns once the broker has the message, or throws.</summary>
    public async Task<IChannel> OpenChannelAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not { IsOpen: true })
            {
                if (_connection is not null)
                {
                    await _connection.DisposeAsync();
                }

                var factory = new ConnectionFactory
                {
                    Uri = options.Value.Uri ?? throw new InvalidOperationException($"{AdminBrokerOptions.Section}:Uri is not set."),
                    ClientProvidedName = "medpipeline-gateway-ops",
                    RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
                };
                _connection = await factory.CreateConnectionAsync(cancellationToken);
            }

            return await _connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _gate.Dispose();
    }
}
