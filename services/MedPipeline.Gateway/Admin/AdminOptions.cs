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
}
