namespace MedPipeline.Gateway.Admin.Queues;

/// <summary>One failure queue: its name, the queue its messages came from, how many it holds and its RabbitMQ type.</summary>
public sealed record FailureQueue(string Name, string Source, long Messages, string? Type);
