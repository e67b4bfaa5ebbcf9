using System.Threading.Channels;

namespace MedPipeline.Gateway.Live;

/// <summary>One live stream's notices of one series; disposing it stops them.</summary>
public sealed class SeriesProgressSubscription(ChannelReader<SeriesProgressNotice> reader, Action unsubscribe) : IDisposable
{
    public ChannelReader<SeriesProgressNotice> Notices => reader;

    public void Dispose() => unsubscribe();
}
