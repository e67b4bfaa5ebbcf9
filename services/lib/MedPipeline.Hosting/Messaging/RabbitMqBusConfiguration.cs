using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedPipeline.Hosting.Messaging;

public static class RabbitMqBusConfiguration
{
    /// <summary>Points the bus at the broker of the validated <see cref="RabbitMqOptions"/>.</summary>
    public static void UseMedPipelineBroker(this IRabbitMqBusFactoryConfigurator configurator, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        ArgumentNullException.ThrowIfNull(context);
        var options = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
        var address = options.ToHostAddress();
        var (username, password) = Credentials(options, address);
        configurator.Host(address, h =>
        {
            h.Username(username);
            h.Password(password);
            if (options.Tls.Enabled)
            {
                h.UseSsl(ssl => RabbitMqTls.Configure(ssl, options.Tls, address.Host));
            }
        });
        // MassTransit names its temporary bus endpoint after machine and process ("dotnet" for every service);
        // named after the broker user instead, each service's permissions can cover its own and no other.
        configurator.OverrideDefaultBusEndpointQueueName($"{username}_bus_{Guid.NewGuid():N}");
    }

    /// <summary>
    /// Declares this endpoint's queue as a quorum queue (replicated, survives a node loss) when the
    /// transport is RabbitMQ; other transports (the in-memory test harness) ignore it. For queues whose
    /// loss would lose work: the saga's and the workers' command queues.
    /// </summary>
    public static void UseQuorumQueueOnRabbitMq(this IReceiveEndpointConfigurator configurator)
    {
        if (configurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
        }
    }

    private static (string Username, string Password) Credentials(RabbitMqOptions options, Uri address)
    {
        if (options.Uri is null)
        {
            return (options.Username!, options.Password!);
        }

        var userInfo = address.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(userInfo[0]), userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "");
    }
}
