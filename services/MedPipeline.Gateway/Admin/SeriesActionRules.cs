namespace MedPipeline.Gateway.Admin;

/// <summary>
/// Which operator action a series' state allows, as the saga decides it (checked here first, from the read model, for a
/// clear 409): a rerun needs a running (stuck) or failed series whose upload is still in the store; a cancel, a running one.
/// </summary>
public static class SeriesActionRules
{
    public const string UploadGone = "the upload is gone; submit the series again";

    private static readonly string[] Running = ["Received", "Unpacking", "Preprocessing", "Inferring", "Reporting"];

    public static bool IsRunning(string state) => Running.Contains(state, StringComparer.Ordinal);

    /// <summary>Why a rerun is refused, or null when it may go ahead.</summary>
    public static string? RerunRefusal(SeriesActionTarget target, Func<string, bool> uploadExists)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(uploadExists);
        if (!IsRunning(target.State) && target.State != "Failed")
        {
            return $"the series is {target.State}: only a failed or running series is rerun; submit it with predictAgain for a new prediction";
        }

        return target.ArchiveKey is { } key && uploadExists(key) ? null : UploadGone;
    }

    /// <summary>Why a cancel is refused, or null when it may go ahead.</summary>
    public static string? CancelRefusal(SeriesActionTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return IsRunning(target.State) ? null : $"the series already ended ({target.State}); only a running series is cancelled";
    }
}
