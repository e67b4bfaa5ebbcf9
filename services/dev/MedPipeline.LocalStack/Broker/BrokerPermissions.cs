namespace MedPipeline.LocalStack.Broker;

/// <summary>
/// A user's RabbitMQ permissions on the virtual host: regexes over exchange and queue names. Configure
/// declares and deletes; write publishes to an exchange or binds to a queue or exchange (the destination);
/// read consumes from a queue or binds from an exchange (the source). Tags open the management API.
/// </summary>
public sealed record BrokerPermissions(string Configure, string Write, string Read, string Tags = "");
