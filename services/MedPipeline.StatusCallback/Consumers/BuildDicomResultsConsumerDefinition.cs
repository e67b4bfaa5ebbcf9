using MedPipeline.Hosting.Messaging;

namespace MedPipeline.StatusCallback.Consumers;

/// <summary>A few at once: each reads a series' headers and holds its SR and images in memory while the PACS answers.</summary>
public sealed class BuildDicomResultsConsumerDefinition() : WorkerConsumerDefinition<BuildDicomResultsConsumer>(concurrentMessageLimit: 4);
