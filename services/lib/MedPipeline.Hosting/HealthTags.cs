namespace MedPipeline.Hosting;

/// <summary>Health check tags: "live" checks say the process runs, "ready" checks that its dependencies answer.</summary>
public static class HealthTags
{
    public const string Live = "live";
    public const string Ready = "ready";
}
