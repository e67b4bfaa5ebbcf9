namespace MedPipeline.Benchmarks.LegacyOnnx;

/// <summary>Temporary: the version the old binding loaded, for the old-vs-new table.</summary>
internal static class LegacyOnnxRuntime
{
    public static string Version => OrtApi.Version;
}
