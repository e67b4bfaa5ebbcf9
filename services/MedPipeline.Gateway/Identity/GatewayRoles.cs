namespace MedPipeline.Gateway.Identity;

/// <summary>Roles, which are also the names of the authorization policies that require them.</summary>
public static class GatewayRoles
{
    public const string Submit = "submit";
    public const string Read = "read";
    public const string Admin = "admin";

    /// <summary>Policy of the single-image endpoints and the page: any caller, or anonymous when configured.</summary>
    public const string SingleImage = "single-image";

    /// <summary>Policy of the OpenAPI document.</summary>
    public const string OpenApi = "openapi";
}
