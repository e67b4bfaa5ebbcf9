namespace MedPipeline.Gateway.Admin;

/// <summary>Series of one organization in one state that changed within the last hour and the last day.</summary>
public sealed record SeriesStateCount(string Organization, string State, long LastHour, long LastDay);
