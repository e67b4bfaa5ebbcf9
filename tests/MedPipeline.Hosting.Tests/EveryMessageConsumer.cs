using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Hosting.Telemetry;
using Microsoft.Extensions.Logging;

namespace MedPipeline.Hosting.Tests;

/// <summary>A worker stand-in that consumes every standard message, logs one line and runs one stage span for each.</summary>
public sealed partial class EveryMessageConsumer(ILogger<EveryMessageConsumer> logger) :
    IConsumer<PredictSeries>, IConsumer<UnpackSeriesArchive>, IConsumer<SeriesUnpacked>, IConsumer<SeriesArchiveRejected>,
    IConsumer<PreprocessSeries>, IConsumer<SeriesPreprocessed>, IConsumer<SeriesPreprocessingFailed>,
    IConsumer<RunSeriesInference>, IConsumer<SeriesInferenceCompleted>, IConsumer<SeriesInferenceFailed>,
    IConsumer<SendSeriesStatusCallback>, IConsumer<SeriesStatusCallbackDelivered>, IConsumer<SeriesStatusCallbackFailed>,
    IConsumer<SeriesStageTimedOut>
{
    public Task Consume(ConsumeContext<PredictSeries> context) => Handle(context);

    public Task Consume(ConsumeContext<UnpackSeriesArchive> context) => Handle(context);

    public Task Consume(ConsumeContext<SeriesUnpacked> context) => Handle(context);

    public Task Consume(ConsumeContext<SeriesArchiveRejected> context) => Handle(context);

    public Task Consume(ConsumeContext<PreprocessSeries> context) => Handle(context);

    public Task Consume(ConsumeContext<SeriesPreprocessed> context) => Handle(context);

    public Task Consume(ConsumeContext<SeriesPreprocessingFailed> context) => Handle(context);

    public Task Consume(ConsumeContext<RunSeriesInference> context) => Handle(context);

    public Task Consume(ConsumeContext<SeriesInferenceCompleted> context) => Handle(context);

    public Task Consume(ConsumeContext<SeriesInferenceFailed> context) => Handle(context);

    public Task Consume(ConsumeContext<SendSeriesStatusCallback> context) => Handle(context);

    public Task Consume(ConsumeContext<SeriesStatusCallbackDelivered> context) => Handle(context);

    public Task Consume(ConsumeContext<SeriesStatusCallbackFailed> context) => Handle(context);

    public Task Consume(ConsumeContext<SeriesStageTimedOut> context) => Handle(context);

    private Task Handle<T>(ConsumeContext<T> context)
        where T : class
    {
        using var span = MedPipelineTelemetry.StartStage("test", context.CorrelationId ?? Guid.Empty, Guid.Empty);
        LogHandled(typeof(T).Name);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Handled {MessageType}")]
    private partial void LogHandled(string messageType);
}
