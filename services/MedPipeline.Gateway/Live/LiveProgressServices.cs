using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedPipeline.Gateway.Live;

/// <summary>Live progress: the hub, the stream and the consumer on the gateway's temporary endpoint (with the series pipeline only).</summary>
public static class LiveProgressServices
{
    public static IServiceCollection AddLiveProgress(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SeriesProgressHub>();
        services.AddSingleton<SeriesLiveStream>();
        return services;
    }

    public static void AddLiveProgressConsumer(this IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<SeriesProgressConsumer, SeriesProgressConsumerDefinition>();

    /// <summary>Before authentication (credentials offered as subprotocols become headers), then the WebSocket middleware.</summary>
    public static WebApplication UseLiveProgress(this WebApplication app)
    {
        app.UseWebSocketCredentials();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        return app;
    }
}
