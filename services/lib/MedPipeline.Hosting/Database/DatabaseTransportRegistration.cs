using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Hosting.Database;

internal static class DatabaseTransportRegistration
{
    /// <summary>Checked at start (ValidateOnStart): every PostgreSQL connection string the process was given.</summary>
    public static void Add(IServiceCollection services) =>
        services.AddOptions<DatabaseTransportOptions>().BindConfiguration(DatabaseTransportOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) => options.Examine(ConnectionStringsOf(configuration)))
            .ValidateDataAnnotations()
            .ValidateOnStart();

    private static Dictionary<string, string> ConnectionStringsOf(IConfiguration configuration)
    {
        var found = configuration.GetSection("ConnectionStrings").GetChildren()
            .Where(entry => !string.IsNullOrWhiteSpace(entry.Value))
            .ToDictionary(entry => $"ConnectionStrings:{entry.Key}", entry => entry.Value!, StringComparer.Ordinal);
        // The orchestrator's store may be given there instead (MedPipeline.Persistence's PersistenceOptions).
        if (configuration["Persistence:ConnectionString"] is { Length: > 0 } persistence)
        {
            found["Persistence:ConnectionString"] = persistence;
        }

        return found;
    }
}
