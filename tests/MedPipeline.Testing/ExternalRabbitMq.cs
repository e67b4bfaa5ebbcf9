using MedPipeline.LocalStack;

namespace MedPipeline.Testing;

/// <summary>Reads an external broker's endpoint from the MEDPIPE_TEST_RABBITMQ* variables.</summary>
internal static class ExternalRabbitMq
{
    public static RabbitMqEndpoint Parse(string amqpUri, string? managementUri)
    {
        var amqp = new Uri(amqpUri);
        var credentials = amqp.UserInfo.Split(':', 2);
        var username = credentials.Length > 0 && credentials[0].Length > 0 ? Uri.UnescapeDataString(credentials[0]) : "guest";
        var password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "guest";
        var management = managementUri is { Length: > 0 } ? new Uri(managementUri) : new Uri($"http://{amqp.Host}:15672/");
        return new RabbitMqEndpoint(amqp.Host, amqp.Port > 0 ? amqp.Port : 5672, management, null, username, password);
    }
}
