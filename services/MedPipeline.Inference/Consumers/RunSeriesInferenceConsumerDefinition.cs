using MedPipeline.Hosting.Messaging;

namespace MedPipeline.Inference.Consumers;

/// <summary>Two series at a time: each run already uses the cores.</summary>
public sealed class RunSeriesInferenceConsumerDefinition() : WorkerConsumerDefinition<RunSeriesInferenceConsumer>(concurrentMessageLimit: 2);
