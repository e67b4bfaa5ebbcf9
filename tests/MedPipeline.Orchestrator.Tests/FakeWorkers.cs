using MassTransit;
using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Tests;

/// <summary>Stand-ins for the Unpacker, Preprocessor and Inference workers, answering per the <see cref="Scenario"/>.</summary>
public sealed class FakeUnpacker(Scenario scenario, IBus bus) : IConsumer<UnpackSeriesArchive>
{
    public async Task Consume(ConsumeContext<UnpackSeriesArchive> context)
    {
        if (scenario.ThrowingStage == "unpack")
        {
            throw new IOException("could not write /var/lib/medpipe/store/archives/demo-hospital/x.zip: disk on fire");
        }

        var m = context.Message;
        if (scenario.HoldUnpack is { } hold)
        {
            // Through the bus: the harness's in-memory outbox would hold a context.Publish until this consume ends.
            await bus.Publish(new SeriesUnpackingStarted { CorrelationId = m.CorrelationId, AttemptId = m.AttemptId });
            await hold.Task;
        }

        if (scenario.Rejection is { } kind)
        {
            await context.Publish(new SeriesArchiveRejected { CorrelationId = m.CorrelationId, AttemptId = m.AttemptId, Kind = kind, Reason = $"rejected: {kind}" });
            return;
        }

        await context.Publish(new SeriesUnpacked
        {
            CorrelationId = m.CorrelationId, AttemptId = m.AttemptId, InstancesKey = $"series/{m.CorrelationId}", Modality = scenario.Modality,
            InstanceIndexKey = $"series/{m.CorrelationId}/instance-index.json", StartedAt = scenario.UnpackStartedAt,
            SopClassUids = ["1.2.840.10008.5.1.4.1.1.2"], InstanceCount = scenario.ImageInstances, ImageInstanceCount = scenario.ImageInstances,
        });
    }
}

public sealed class FakePreprocessor(Scenario scenario) : IConsumer<PreprocessSeries>
{
    public async Task Consume(ConsumeContext<PreprocessSeries> context)
    {
        var m = context.Message;
        if (scenario.ThrowingStage == "preprocess")
        {
            throw new InsufficientMemoryException("out of memory on preprocessor-1.hospital.internal");
        }

        if (scenario.FailingStage == "preprocess")
        {
            await context.Publish(new SeriesPreprocessingFailed { CorrelationId = m.CorrelationId, AttemptId = m.AttemptId, Reason = "CT_2.dcm is truncated" });
            return;
        }

        await context.Publish(new SeriesPreprocessed { CorrelationId = m.CorrelationId, AttemptId = m.AttemptId, TensorBatchKeys = ["t/0"], FrameCount = 3 });
    }
}

public sealed class FakeInference(Scenario scenario) : IConsumer<RunSeriesInference>
{
    public async Task Consume(ConsumeContext<RunSeriesInference> context)
    {
        var m = context.Message;
        if (scenario.HoldInference is { } hold)
        {
            await hold.Task;
        }

        if (scenario.ThrowingStage == "inference")
        {
            throw new InvalidOperationException("model /opt/medpipe/models/ct.onnx crashed");
        }

        if (scenario.FailingStage == "inference")
        {
            await context.Publish(new SeriesInferenceFailed { CorrelationId = m.CorrelationId, AttemptId = m.AttemptId, Reason = "no tensors" });
            return;
        }

        await context.Publish(new SeriesInferenceCompleted
        {
            CorrelationId = m.CorrelationId, AttemptId = m.AttemptId, Prediction = scenario.Prediction, Heatmaps = scenario.Heatmaps,
        });
    }
}

public sealed class FakeModels : IModelSupport
{
    public bool IsKnown(string modelType) => modelType is "ct-lesion-classifier" or "xray-anomaly";

    public bool Supports(string modelType, string? modality, IReadOnlyList<string> sopClassUids) =>
        (modelType, modality) is ("ct-lesion-classifier", "CT") or ("xray-anomaly", "CR" or "DX");
}
