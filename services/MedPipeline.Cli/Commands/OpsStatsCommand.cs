using System.CommandLine;
using MedPipeline.Cli.Ops;

namespace MedPipeline.Cli.Commands;

/// <summary>
/// <c>medpipe ops stats [--organization o] [--json]</c>: series per state and organization over the last hour and day,
/// failed callbacks and stage latency percentiles. Gateway and key as <c>ops series</c>.
/// </summary>
internal static class OpsStatsCommand
{
    public static Command Create()
    {
        var gateway = new Option<string>("--gateway")
        {
            Description = "The gateway's base URL (default: $MEDPIPE_GATEWAY).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MEDPIPE_GATEWAY") is { Length: > 0 } url ? url : "http://127.0.0.1:8080/",
        };
        var organization = new Option<string?>("--organization") { Description = "Only this organization (global operators; an admin's own is implied)." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables." };
        var command = new Command("stats", "Series per state and organization (last hour, last day), failed callbacks, stage latency p50/p95.")
        {
            gateway, organization, json,
        };
        command.SetAction((result, cancellationToken) => OpsStatsRunner.RunAsync(result.GetValue(gateway)!,
            Environment.GetEnvironmentVariable("MEDPIPE_API_KEY") ?? "", result.GetValue(organization), result.GetValue(json), cancellationToken));
        return command;
    }
}
