using MassTransit;

namespace MedPipeline.LocalStack.Broker;

/// <summary>
/// What one service does on the broker: the queues it receives from, the messages it consumes (bound to its
/// queues) and those it publishes. Its least-privilege permissions follow from that and MassTransit's topology.
/// </summary>
/// <param name="TemporaryQueues">
/// Regex parts of the service's temporary endpoints (auto-delete queues with a fresh name each start, such as the
/// gateway's live-progress endpoint): their queue and exchange, without the error queues they never create.
/// </param>
/// <param name="OwnExchanges">Regex parts of exchanges the service declares and binds itself (the orchestrator's ingress exchanges).</param>
public sealed record ServiceBrokerAccess(string User, IReadOnlyList<string> Queues, IReadOnlyList<Type> Consumes, IReadOnlyList<Type> Publishes,
    IReadOnlyList<string>? TemporaryQueues = null, IReadOnlyList<string>? OwnExchanges = null)
{
    /// <summary>
    /// A consumer that keeps failing publishes <c>Fault&lt;T&gt;</c> of what it consumed, and MassTransit binds that
    /// fault's exchange to <see cref="BrokerEntityNames.FaultBaseExchange"/>.
    /// </summary>
    public IEnumerable<Type> PublishedWithFaults => Publishes.Concat(Consumes.Select(t => typeof(Fault<>).MakeGenericType(t)));

    public BrokerPermissions Permissions()
    {
        var own = Queues.Select(BrokerEntityNames.EndpointFamily).Concat(TemporaryQueues ?? []).Concat(OwnExchanges ?? []).Append(BrokerEntityNames.BusEndpoint(User)).ToList();
        var consumed = Consumes.Select(Exchange).ToList();
        var faults = PublishedWithFaults.Where(IsFault).Select(Exchange).ToList();
        if (Queues.Count > 0 || TemporaryQueues is { Count: > 0 })
        {
            // A message its endpoint cannot even deserialize (anybody who may publish to it could send one) makes
            // MassTransit publish a ReceiveFault; refused, the channel closes and the message loops until its delivery limit.
            faults.Add(BrokerEntityNames.Exactly(BrokerEntityNames.ReceiveFaultExchange));
        }

        // Every fault exchange is bound to the fault base exchange when published: write there, read the source.
        var published = PublishedWithFaults.Select(Exchange).Concat(faults).ToList();
        if (faults.Count > 0)
        {
            published.Add(BrokerEntityNames.Exactly(BrokerEntityNames.FaultBaseExchange));
        }

        return new BrokerPermissions(
            Configure: BrokerEntityNames.Only([.. own, .. consumed, .. published]),
            Write: BrokerEntityNames.Only([.. own, .. published]),
            Read: BrokerEntityNames.Only([.. own, .. consumed, .. faults]));
    }

    private static string Exchange(Type messageType) => BrokerEntityNames.Exactly(BrokerEntityNames.MessageExchange(messageType));

    private static bool IsFault(Type messageType) => messageType.IsGenericType && messageType.GetGenericTypeDefinition() == typeof(Fault<>);
}
