namespace MedPipeline.LocalStack;

/// <summary>
/// Every process a fixture starts carries these environment variables, and so do the processes it
/// forks (epmd, erl_child_setup, postgres back ends). That is how a later run finds what an
/// aborted run left behind, by PID, without matching process names.
/// </summary>
public static class FixtureMarker
{
    /// <summary>Unique per started service; used to stop exactly that service's processes.</summary>
    public const string TokenVariable = "MEDPIPE_FIXTURE_TOKEN";

    /// <summary>PID of the test process that owns the service; when it is gone the service is stale.</summary>
    public const string OwnerVariable = "MEDPIPE_FIXTURE_OWNER_PID";

    /// <summary>Start time of the owner (from /proc), so a recycled owner PID is not mistaken for it.</summary>
    public const string OwnerStartVariable = "MEDPIPE_FIXTURE_OWNER_START";

    /// <summary>The service's temp directory, deleted with it.</summary>
    public const string DirectoryVariable = "MEDPIPE_FIXTURE_DIR";

    /// <summary>All fixture directories live below this one.</summary>
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "medpipeline-fixtures");
}
