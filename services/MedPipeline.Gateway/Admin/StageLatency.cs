namespace MedPipeline.Gateway.Admin;

/// <summary>How long one stage took over the last day's series: how many measured, median and 95th percentile in milliseconds.</summary>
public sealed record StageLatency(string Stage, long Count, double P50Ms, double P95Ms);
