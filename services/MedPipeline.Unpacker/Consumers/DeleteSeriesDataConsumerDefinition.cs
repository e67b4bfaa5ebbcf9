using MedPipeline.Hosting.Messaging;

namespace MedPipeline.Unpacker.Consumers;

/// <summary>Its own queue, so clean-up never waits behind large archives.</summary>
public sealed class DeleteSeriesDataConsumerDefinition() : WorkerConsumerDefinition<DeleteSeriesDataConsumer>;
