using MedPipeline.Hosting.Messaging;

namespace MedPipeline.Preprocessor.Consumers;

/// <summary>One series per core: decoding and preprocessing are CPU-bound.</summary>
public sealed class PreprocessSeriesConsumerDefinition()
    : WorkerConsumerDefinition<PreprocessSeriesConsumer>(concurrentMessageLimit: Math.Max(1, Environment.ProcessorCount));
