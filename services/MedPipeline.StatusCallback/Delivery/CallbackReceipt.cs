namespace MedPipeline.StatusCallback.Delivery;

/// <summary>What the backend answered when a callback was delivered: enough to report the delivery again without a second PUT.</summary>
public sealed record CallbackReceipt(int StatusCode, int Attempts, DateTimeOffset DeliveredAt);
