using MedPipeline.Contracts;

namespace MedPipeline.Hosting.Tests;

/// <summary>One filled-in instance of every standard message, for one series and attempt.</summary>
internal static class StandardMessages
{
    public static IReadOnlyList<object> For(Guid correlationId, Guid attemptId)
    {
        var prediction = new SeriesPrediction
        {
            Model = new ModelInfo { ModelType = "ct-lesion-classifier", Name = "CT lesion", Version = "1.0.0", Sha256 = "ab" },
            Task = "classification", InstanceCount = 1, PredictedClass = "lesion", Probability = 0.9,
            Instances = [new InstancePrediction { SopInstanceUid = "1.2.3.4.5", InstanceNumber = 1, PredictedClass = "lesion", Probability = 0.9 }],
        };
        return
        [
            new PredictSeries
            {
                CorrelationId = correlationId, RequestId = Guid.NewGuid(), SeriesId = "backend-1", Organization = "st-olaf", StudyInstanceUid = "1.2",
                SeriesInstanceUid = "1.2.3", ModelType = "ct-lesion-classifier", ArchiveKey = "archives/a.zip", SubmittedAt = DateTimeOffset.UtcNow,
            },
            new UnpackSeriesArchive { CorrelationId = correlationId, AttemptId = attemptId, ArchiveKey = "archives/a.zip", ModelType = "ct-lesion-classifier" },
            new SeriesUnpacked { CorrelationId = correlationId, AttemptId = attemptId, InstancesKey = "series/x", Modality = "CT", SopClassUids = ["1.2.840.10008.5.1.4.1.1.2"] },
            new SeriesArchiveRejected { CorrelationId = correlationId, AttemptId = attemptId, Kind = RejectionKind.UidMismatch, Reason = "CT_2.dcm belongs to another series" },
            new PreprocessSeries { CorrelationId = correlationId, AttemptId = attemptId, InstancesKey = "series/x", ModelType = "ct-lesion-classifier" },
            new SeriesPreprocessed { CorrelationId = correlationId, AttemptId = attemptId, TensorsKey = "tensors/x", TensorBatchKeys = ["tensors/x/0"], FrameCount = 1 },
            new SeriesPreprocessingFailed { CorrelationId = correlationId, AttemptId = attemptId, Reason = "CT_2.dcm is truncated" },
            new RunSeriesInference { CorrelationId = correlationId, AttemptId = attemptId, TensorsKey = "tensors/x", ModelType = "ct-lesion-classifier" },
            new SeriesInferenceCompleted { CorrelationId = correlationId, AttemptId = attemptId, Prediction = prediction },
            new SeriesInferenceFailed { CorrelationId = correlationId, AttemptId = attemptId, Reason = "no tensors" },
            new SendSeriesStatusCallback
            {
                CorrelationId = correlationId, AttemptId = attemptId, Organization = "st-olaf", SeriesId = "backend-1", Status = SeriesStatus.Completed, Prediction = prediction,
            },
            new SeriesStatusCallbackDelivered { CorrelationId = correlationId, SeriesId = "backend-1", StatusCode = 204, Attempts = 1 },
            new SeriesStatusCallbackFailed { CorrelationId = correlationId, SeriesId = "backend-1", Reason = "404", Attempts = 1 },
            new SeriesStageTimedOut { CorrelationId = correlationId, AttemptId = attemptId, Stage = "inference" },
        ];
    }
}
