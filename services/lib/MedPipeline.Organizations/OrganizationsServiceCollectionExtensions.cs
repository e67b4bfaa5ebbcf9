using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedPipeline.Organizations;

public static class OrganizationsServiceCollectionExtensions
{
    public const string Section = "Organizations";

    /// <summary>Binds "Organizations", validates every entry at start, and registers <see cref="OrganizationDirectory"/>.</summary>
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddOptions<Dictionary<string, OrganizationOptions>>().BindConfiguration(Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Dictionary<string, OrganizationOptions>>, OrganizationsValidation>();
        services.AddSingleton<OrganizationDirectory>();
        return services;
    }
}
