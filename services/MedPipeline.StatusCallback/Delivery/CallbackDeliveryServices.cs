using MedPipeline.StatusCallback.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedPipeline.StatusCallback.Delivery;

public static class CallbackDeliveryServices
{
    /// <summary>
    /// The <see cref="CallbackSender"/>'s HttpClient (see <see cref="OutboundHttpClient"/>), retrying as
    /// <see cref="CallbackDeliveryOptions"/> say and honouring the backend's Retry-After up to MaxRetryDelay.
    /// </summary>
    public static IHttpClientBuilder AddCallbackSender(this IServiceCollection services) =>
        services.AddOutboundHttpClient<CallbackSender>("callback-delivery", provider =>
        {
            var options = provider.GetRequiredService<IOptions<CallbackDeliveryOptions>>().Value;
            return new OutboundRetry(options.MaxAttempts, options.FirstRetryDelay, options.MaxRetryDelay, options.AttemptTimeout, HonourRetryAfter: true);
        });
}
