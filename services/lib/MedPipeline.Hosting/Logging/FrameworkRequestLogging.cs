using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace MedPipeline.Hosting.Logging;

/// <summary>
/// ASP.NET Core's request log writes every URL at Information, and our URLs carry series UIDs (status
/// reads). At the default level that category logs only Warning
/// and above; Logging:LogLevel:&lt;category&gt; in configuration still sets them (a more specific
/// category, such as Microsoft.AspNetCore.Hosting, too).
/// </summary>
internal static class FrameworkRequestLogging
{
    /// <summary>
    /// The categories whose Information lines name request URLs. HttpClient's (System.Net.Http.HttpClient)
    /// is not limited yet: a filter on it stopped MassTransit's usage-telemetry control test from seeing the
    /// attempt (cause not found in time); callbacks log their URL there at Information.
    /// </summary>
    public static readonly string[] Categories = ["Microsoft.AspNetCore"];

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
