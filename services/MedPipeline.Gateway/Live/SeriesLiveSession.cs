using MedPipeline.Gateway.Series;

namespace MedPipeline.Gateway.Live;

/// <summary>An open live stream: the series, its status when the stream opened, and its notices from then on.</summary>
public sealed class SeriesLiveSession(Guid correlationId, SeriesStatusRow row, SeriesProgressSubscription subscription) : IDisposable
{
    public Guid CorrelationId => correlationId;

    public SeriesStatusRow Row => row;

    public SeriesProgressSubscription Subscription => subscription;

    public void Dispose() => subscription.Dispose();
}
