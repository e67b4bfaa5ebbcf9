using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace MedPipeline.Hosting.Logging;

/// <summary>
/// ASP.NET Core's request log and HttpClient's request log write every URL at Information, and our URLs
/// carry series UIDs (status reads, callbacks). At the default level those categories log only Warning
/// and above; Logging:LogLevel:&lt;category&gt; in configuration still sets them (a more specific
/// category, such as Microsoft.AspNetCore.Hosting, too).
/// </summary>
internal static class FrameworkRequestLogging
{
    /// <summary>The categories whose Information lines name request URLs.</summary>
    public static readonly string[] Categories = ["Microsoft.AspNetCore", "System.Net.Http.HttpClient"];

    public static void LimitToWarnings(ILoggingBuilder logging, IConfiguration configuration)
    {
        foreach (var category in Categories)
        {
            // A filter added in code outranks configuration for the same category: add it only when
            // configuration says nothing, so an operator's setting stays in force.
            if (configuration[$"Logging:LogLevel:{category}"] is null)
            {
                logging.AddFilter(category, LogLevel.Warning);
            }
        }
    }
}
