using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace MedPipeline.Hosting.Logging;

/// <summary>
/// ASP.NET Core's request log writes every URL at Information, and our URLs carry series UIDs (status
/// reads). At the default level that category logs only Warning
/// and above; Logging:LogLevel:&lt;category&gt; in configuration still sets them (a more specific
/// category, such as Microsoft.AspNetCore.Hosting, too). The same category's logger decides whether ASP.NET Core
/// opens its request scope (RequestPath, RequestId) around every line of a request: it does so while that logger is
/// enabled at any level, so by default it is off (None), and no line of a request carries its URL in a scope.
/// </summary>
internal static class FrameworkRequestLogging
{
    /// <summary>
    /// The categories whose Information lines name request URLs. The one outgoing HttpClient (callbacks)
    /// has IHttpClientFactory's URL logging removed where it is built (CallbackDeliveryServices).
    /// </summary>
    public static readonly string[] Categories = ["Microsoft.AspNetCore"];

    /// <summary>ASP.NET Core's hosting diagnostics: the request log and the request scope.</summary>
    private const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

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

        // An operator who turns the request log on (for any of its enclosing categories) gets its scope with it.
        string[] enclosing = ["Microsoft", "Microsoft.AspNetCore", "Microsoft.AspNetCore.Hosting", HostingDiagnostics];
        if (enclosing.All(c => configuration[$"Logging:LogLevel:{c}"] is null))
        {
            logging.AddFilter(HostingDiagnostics, LogLevel.None);
        }
    }
}
