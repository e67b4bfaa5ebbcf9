using MedPipeline.LocalStack;

namespace MedPipeline.Testing;

/// <summary>
/// Reads an external broker's endpoint from the MEDPIPE_TEST_RABBITMQ* variables. Its URI must name an
/// administrator (tag administrator, all permissions on "/"): the tests use the management API and create the
/// pipeline's own users with it. There is no default user (a broker should not have guest).
/// </summary>
internal static class ExternalRabbitMq
{
    public static RabbitMqEndpoint Parse(string amqpUri, string? managementUri)
    {
        var amqp = new Uri(amqpUri);
        var credentials = amqp.UserInfo.Split(':', 2);
        if (credentials.Length < 2 || credentials[0].Length == 0)
        {
            throw new InvalidOperationException(
                $"{TestServices.ExternalRabbitMqVariable} must name the broker's administrator and password: amqp://user:password@host:port/");
        }

        var username = Uri.UnescapeDataString(credentials[0]);
        var password = Uri.UnescapeDataString(credentials[1]);
        var management = managementUri is { Length: > 0 } ? new Uri(managementUri) : new Uri($"http://{amqp.Host}:15672/");
        return new RabbitMqEndpoint(amqp.Host, amqp.Port > 0 ? amqp.Port : 5672, management, null, username, password);
    }
}
