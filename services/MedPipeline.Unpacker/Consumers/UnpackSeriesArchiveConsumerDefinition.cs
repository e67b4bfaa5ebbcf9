using MedPipeline.Hosting.Messaging;

namespace MedPipeline.Unpacker.Consumers;

/// <summary>A few archives at a time: unpacking is disk-bound and an archive may be gigabytes.</summary>
public sealed class UnpackSeriesArchiveConsumerDefinition() : WorkerConsumerDefinition<UnpackSeriesArchiveConsumer>(concurrentMessageLimit: 2);
