using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Gateway.Admin;

/// <summary>The operations API ("Gateway:Admin").</summary>
public sealed class AdminOptions
{
    public const string Section = "Gateway:Admin";

    /// <summary>
    /// Organizations whose admins are global operators and see every organization's series. Empty by default:
    /// an admin sees its own organization only. Configuration, not a role claim, so a hospital's identity
    /// provider cannot make its users operators.
    /// </summary>
    public string[] OperatorOrganizations { get; set; } = [];

    // A series is stuck (GET /api/admin/series?stuck=true) when it has been in its stage this long: by default three
    // times the orchestrator's default stage timeouts (Orchestrator:Timeouts, 5/10/10 min), the orchestrator's own
    // stuck-series metric (Orchestrator:Metrics:StuckAfterTimeouts = 3). Change both together.

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "Gateway:Admin:StuckUnpackAfter must be between 1 minute and 30 days.")]
    public TimeSpan StuckUnpackAfter { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "Gateway:Admin:StuckPreprocessAfter must be between 1 minute and 30 days.")]
    public TimeSpan StuckPreprocessAfter { get; set; } = TimeSpan.FromMinutes(30);

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "Gateway:Admin:StuckInferenceAfter must be between 1 minute and 30 days.")]
    public TimeSpan StuckInferenceAfter { get; set; } = TimeSpan.FromMinutes(30);
}
