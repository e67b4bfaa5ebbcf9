namespace MedPipeline.Gateway.Admin;

/// <summary>Callback deliveries of one organization whose last outcome is a failure (given up or waiting for a redelivery), by series changed within the last hour and day.</summary>
public sealed record CallbackFailureCount(string Organization, long LastHour, long LastDay);
