using MassTransit;
using MedPipeline.Contracts;

namespace MedPipeline.Gateway.Live;

/// <summary>
/// The stage events the workers and the saga publish, turned into progress notices for the live streams
/// (on this gateway's temporary endpoint: every gateway instance hears every series).
/// </summary>
public sealed class SeriesProgressConsumer(SeriesProgressHub hub) :
    IConsumer<SeriesUnpackingStarted>,
    IConsumer<SeriesUnpacked>,
    IConsumer<SeriesPreprocessingProgressed>,
    IConsumer<SeriesPreprocessed>,
    IConsumer<SeriesInferenceCompleted>,
    IConsumer<SeriesFinished>
{
    public Task Consume(ConsumeContext<SeriesUnpackingStarted> context) =>
        Notify(context.Message.CorrelationId, new SeriesProgressNotice(LiveStage.Unpacking, 0, 0));

    public Task Consume(ConsumeContext<SeriesUnpacked> context) =>
        Notify(context.Message.CorrelationId,
            new SeriesProgressNotice(LiveStage.Unpacking, context.Message.ImageInstanceCount, context.Message.ImageInstanceCount));

    public Task Consume(ConsumeContext<SeriesPreprocessingProgressed> context) =>
        Notify(context.Message.CorrelationId, new SeriesProgressNotice(LiveStage.Preprocessing, context.Message.Done, context.Message.Total));

    // Inference counts frames (a multi-frame instance is several rows of the model's batch).
    public Task Consume(ConsumeContext<SeriesPreprocessed> context) =>
        Notify(context.Message.CorrelationId, new SeriesProgressNotice(LiveStage.Inference, 0, context.Message.FrameCount));

    public Task Consume(ConsumeContext<SeriesInferenceCompleted> context)
    {
        var instances = context.Message.Prediction.InstanceCount;
        return Notify(context.Message.CorrelationId, new SeriesProgressNotice(LiveStage.Inference, instances, instances));
    }

    public Task Consume(ConsumeContext<SeriesFinished> context) => Notify(context.Message.CorrelationId, SeriesProgressNotice.End);

    private Task Notify(Guid correlationId, SeriesProgressNotice notice)
    {
        hub.Publish(correlationId, notice);
        return Task.CompletedTask;
    }
}
