using MedPipeline.Hosting.Messaging;

namespace MedPipeline.StatusCallback.Consumers;

/// <summary>Many deliveries at once: each mostly waits on a backend, and one slow hospital must not hold up the others.</summary>
public sealed class SendSeriesStatusCallbackConsumerDefinition() : WorkerConsumerDefinition<SendSeriesStatusCallbackConsumer>(concurrentMessageLimit: 32);
