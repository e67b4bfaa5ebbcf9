namespace MedPipeline.LocalStack;

/// <summary>The executables of the series pipeline, by project name.</summary>
public static class PipelineService
{
    public const string Orchestrator = "MedPipeline.Orchestrator";
    public const string Unpacker = "MedPipeline.Unpacker";
    public const string Preprocessor = "MedPipeline.Preprocessor";
    public const string Inference = "MedPipeline.Inference";
    public const string StatusCallback = "MedPipeline.StatusCallback";
    public const string Gateway = "MedPipeline.Gateway";
    public const string SampleBackend = "MedPipeline.SampleBackend";

    /// <summary>In start order: the backend first (callbacks need it), the gateway last (it takes requests).</summary>
    public static IReadOnlyList<string> All { get; } = [SampleBackend, Orchestrator, Unpacker, Preprocessor, Inference, StatusCallback, Gateway];

    /// <summary>services/{name} of a checkout (services/dev/ for the demo-only backend): the project and its content root.</summary>
    public static string FolderIn(string checkout, string name) => Path.Combine(checkout, "services", name == SampleBackend ? "dev" : "", name);

    /// <summary>services/{name}/bin/{configuration}/net10.0/{name}.dll of a built checkout.</summary>
    public static string DllIn(string checkout, string name, string configuration) =>
        Path.Combine(FolderIn(checkout, name), "bin", configuration, "net10.0", $"{name}.dll");
}
