using System.Text.RegularExpressions;

namespace MedPipeline.LocalStack.Broker;

/// <summary>
/// The names MassTransit's RabbitMQ topology gives exchanges and queues (as a running pipeline shows them in
/// the management API), as anchored regex parts for RabbitMQ permissions (PCRE, which .NET's escaping suits).
/// </summary>
public static class BrokerEntityNames
{
    /// <summary>The exchange every <c>Fault&lt;T&gt;</c> exchange is bound to when a fault is published.</summary>
    public const string FaultBaseExchange = "MassTransit:Fault";

    /// <summary>Where MassTransit publishes a message its receive endpoint could not handle at all (not deserializable).</summary>
    public const string ReceiveFaultExchange = "MassTransit:ReceiveFault";

    /// <summary><c>MedPipeline.Contracts:PredictSeries</c>; <c>MassTransit:Fault--MedPipeline.Contracts:UnpackSeriesArchive--</c> for a fault.</summary>
    public static string MessageExchange(Type messageType)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        if (!messageType.IsGenericType)
        {
            return $"{messageType.Namespace}:{messageType.Name}";
        }

        var name = messageType.Name[..messageType.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{messageType.Namespace}:{name}--{string.Join("__", messageType.GetGenericArguments().Select(MessageExchange))}--";
    }

    /// <summary>
    /// A receive endpoint's queue and its exchange of the same name, with MassTransit's <c>_error</c> and
    /// <c>_skipped</c> and our <c>_dead-letter</c> (PoisonMessageLimit) queues and exchanges.
    /// </summary>
    public static string EndpointFamily(string queue) => $"{Regex.Escape(queue)}(_error|_skipped|_dead-letter)?";

    /// <summary>
    /// The bus's temporary endpoint (queue and exchange, created on first use, e.g. by a request client): the
    /// hosting library names it after the connection's user (RabbitMqBusConfiguration), so one service's user
    /// cannot reach another's.
    /// </summary>
    public static string BusEndpoint(string user) => $"{Regex.Escape(user)}_bus_[0-9a-f]{{32}}";

    /// <summary>One anchored regex for exactly these parts; the empty string (nothing) when there are none.</summary>
    public static string Only(IEnumerable<string> regexParts)
    {
        var parts = regexParts.Distinct(StringComparer.Ordinal).ToList();
        return parts.Count == 0 ? "" : $"^({string.Join('|', parts)})$";
    }

    public static string Exactly(string name) => Regex.Escape(name);
}
