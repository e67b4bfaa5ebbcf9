using MedPipeline.LocalStack.Broker;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace MedPipeline.Pipeline.Tests;

/// <summary>An AMQP connection to the pipeline's broker as one user, to see what the broker lets that user do.</summary>
internal sealed class BrokerClient : IAsyncDisposable
{
    private readonly IConnection _connection;

    private BrokerClient(IConnection connection) => _connection = connection;

    public static ConnectionFactory FactoryFor(string user, string password)
    {
        var broker = Pipeline.Running.Broker;
        return new ConnectionFactory
        {
            HostName = broker.Host, Port = broker.AmqpPort, UserName = user, Password = password, AutomaticRecoveryEnabled = false,
        };
    }

    public static async Task<BrokerClient> ConnectAsync(BrokerCredentials credentials) =>
        new(await FactoryFor(credentials.User, credentials.Password).CreateConnectionAsync());

    /// <summary>A channel with publisher confirms, so a publish returns once the broker took (or refused) the message.</summary>
    public Task<IChannel> ChannelAsync() =>
        _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));

    /// <summary>
    /// Runs <paramref name="operation"/> on a fresh channel and returns the AMQP reply code the broker closed the
    /// channel with (403 is ACCESS_REFUSED), or 0 when the channel is still open a moment later.
    /// </summary>
    public async Task<int> ReplyCodeOfAsync(Func<IChannel, Task> operation)
    {
        await using var channel = await ChannelAsync();
        try
        {
            await operation(channel);
            // A refused publish closes the channel asynchronously: give the broker's answer time to arrive.
            for (var i = 0; i < 20 && channel.IsOpen; i++)
            {
                await Task.Delay(100);
            }
        }
        catch (Exception e) when (e is OperationInterruptedException or AlreadyClosedException or PublishException)
        {
        }

        return channel.CloseReason?.ReplyCode ?? 0;
    }

    public static Task PublishAsync(IChannel channel, string exchange, string body = "{}") =>
        channel.BasicPublishAsync(exchange, "", false, new BasicProperties { ContentType = "application/vnd.masstransit+json" },
            System.Text.Encoding.UTF8.GetBytes(body)).AsTask();

    public static Task ConsumeAsync(IChannel channel, string queue) =>
        channel.BasicConsumeAsync(queue, false, new AsyncEventingBasicConsumer(channel));

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
