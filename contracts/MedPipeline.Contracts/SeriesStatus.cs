namespace MedPipeline.Contracts;

/// <summary>The status words of the HTTP and callback edge (inside, states are PascalCase).</summary>
public static class SeriesStatus
{
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string NotSupported = "not_supported";
}
