namespace MedPipeline.Gateway.Uploads;

/// <summary>Form values the gateway parses itself (the syntax of ids and UIDs is <c>SeriesRequestFields</c>'s, shared with the orchestrator).</summary>
internal static class FieldRules
{
    public static bool? Boolean(string value) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" or "" => false,
        _ => null,
    };
}
