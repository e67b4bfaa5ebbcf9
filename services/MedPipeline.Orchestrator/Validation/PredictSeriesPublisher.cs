using MedPipeline.Contracts;
using MedPipeline.Organizations;

namespace MedPipeline.Orchestrator.Validation;

/// <summary>
/// Whether the exchange a <see cref="PredictSeries"/> was published to (stamped on the delivery by the broker, which
/// the publisher cannot forge) allows the organization its body names. Only the gateway's user may write to the
/// command's own exchange, and the gateway authenticated the hospital; each ingress user may write only to its
/// organization's exchange (<see cref="OrganizationIngress"/>); the saga's own endpoint exchange carries a redelivery
/// or an operator's replay of a command that was accepted before. Anything else is refused.
/// </summary>
public static class PredictSeriesPublisher
{
    /// <summary>The exchange MassTransit publishes <see cref="PredictSeries"/> to: the gateway's.</summary>
    public static string GatewayExchange { get; } = $"{typeof(PredictSeries).Namespace}:{nameof(PredictSeries)}";

    /// <summary>Why the command may not name its organization, or null when it may.</summary>
    public static string? ReasonToReject(string? publishedTo, string endpointExchange, string organization)
    {
        if (publishedTo == GatewayExchange || publishedTo == endpointExchange)
        {
            return null;
        }

        if (OrganizationIngress.OrganizationOf(publishedTo) is { } ingressOf)
        {
            return string.Equals(ingressOf, organization, StringComparison.Ordinal)
                ? null
                : "the organization is not the one whose ingress exchange the command was published to";
        }

        return "the command was published to an exchange that neither the gateway nor an organization's ingress user writes to";
    }
}
