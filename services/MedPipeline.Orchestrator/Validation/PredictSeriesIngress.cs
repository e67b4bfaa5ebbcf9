using MassTransit;
using MedPipeline.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Orchestrator.Validation;

/// <summary>The saga endpoint's side of direct enqueue on RabbitMQ: every configured organization's ingress exchange feeds it.</summary>
public static class PredictSeriesIngress
{
    /// <summary>
    /// Declares each organization's fanout ingress exchange and binds it to the saga's endpoint; returns the endpoint's
    /// own exchange (a redelivery or replay arrives there), or null on a transport that is not RabbitMQ (the in-memory
    /// test harness, which has no publisher to check).
    /// </summary>
    public static string? BindOnRabbitMq(IReceiveEndpointConfigurator endpoint, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(context);
        if (endpoint is not IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            return null;
        }

        foreach (var organization in context.GetRequiredService<OrganizationDirectory>().Names)
        {
            rabbit.Bind(OrganizationIngress.ExchangeOf(organization), b => b.ExchangeType = "fanout");
        }

        return endpoint.InputAddress.Segments[^1];
    }
}
