using MassTransit;

namespace MedPipeline.LocalStack.Broker;

/// <summary>
/// What one service does on the broker: the queues it receives from, the messages it consumes (bound to its
/// queues) and those it publishes. Its least-privilege permissions follow from that and MassTransit's topology.
/// </summary>
public sealed record ServiceBrokerAccess(string User, IReadOnlyList<string> Queues, IReadOnlyList<Type> Consumes, IReadOnlyList<Type> Publishes)
{
    /// <summary>
    /// A consumer that keeps failing publishes <c>Fault&lt;T&gt;</c> of what it consumed, and MassTransit binds that
    /// fault's exchange to <see cref="BrokerEntityNames.FaultBaseExchange"/>.
    /// </summary>
    public IEnumerable<Type> PublishedWithFaults => Publishes.Concat(Consumes.Select(t => typeof(Fault<>).MakeGenericType(t)));

    public BrokerPermissions Permissions()
    {
        var own = Queues.Select(BrokerEntityNames.EndpointFamily).Append(BrokerEntityNames.BusEndpoint(User)).ToList();
        var consumed = Consumes.Select(Exchange).ToList();
        var published = PublishedWithFaults.Select(Exchange).ToList();
        var faults = PublishedWithFaults.Where(IsFault).Select(Exchange).ToList();
        string[] faultBase = faults.Count > 0 ? [BrokerEntityNames.Exactly(BrokerEntityNames.FaultBaseExchange)] : [];
        // A message its endpoint cannot even deserialize (anybody who may publish to it could send one) makes
        // MassTransit publish a ReceiveFault; refused, the channel closes and the message loops until its delivery limit.
        string[] receiveFault = Queues.Count > 0 ? [BrokerEntityNames.Exactly(BrokerEntityNames.ReceiveFaultExchange)] : [];
        return new BrokerPermissions(
            Configure: BrokerEntityNames.Only([.. own, .. consumed, .. published, .. faultBase, .. receiveFault]),
            Write: BrokerEntityNames.Only([.. own, .. published, .. faultBase, .. receiveFault]),
            // Published faults are read as the source of their binding to the fault base exchange.
            Read: BrokerEntityNames.Only([.. own, .. consumed, .. faults]));
    }

    private static string Exchange(Type messageType) => BrokerEntityNames.Exactly(BrokerEntityNames.MessageExchange(messageType));

    private static bool IsFault(Type messageType) => messageType.IsGenericType && messageType.GetGenericTypeDefinition() == typeof(Fault<>);
}
