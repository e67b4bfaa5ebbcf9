using System.CommandLine;
using MedPipeline.Cli.Ops;

namespace MedPipeline.Cli.Commands;

/// <summary>
/// <c>medpipe ops queues</c>: see <see cref="OpsQueuesCommand"/>.
/// <c>medpipe ops series [correlationId] [--state s]... [--organization o] [--model-type m] [--older-than PT1H] [--newer-than P1D] [--stuck] [--limit n] [--json]</c>:
/// the gateway's admin API. The gateway is --gateway or $MEDPIPE_GATEWAY; the key only $MEDPIPE_API_KEY, so it is not in the process list.
/// </summary>
internal static class OpsCommand
{
    public static Command Create()
    {
        var correlationId = new Argument<Guid?>("correlationId") { Description = "One series: its timeline instead of the list.", Arity = ArgumentArity.ZeroOrOne };
        var gateway = new Option<string>("--gateway")
        {
            Description = "The gateway's base URL (default: $MEDPIPE_GATEWAY).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MEDPIPE_GATEWAY") is { Length: > 0 } url ? url : "http://127.0.0.1:8080/",
        };
        var states = new Option<string[]>("--state") { Description = "Saga state (Received, Unpacking, Preprocessing, Inferring, Reporting, Completed, NotSupported, Failed); repeat for several.", AllowMultipleArgumentsPerToken = false };
        var organization = new Option<string?>("--organization") { Description = "Only this organization (global operators; an admin's own is implied)." };
        var modelType = new Option<string?>("--model-type") { Description = "Only this model type." };
        var olderThan = new Option<string?>("--older-than") { Description = "Unchanged for longer than this ISO 8601 duration (PT30M, PT2H, P1D)." };
        var stuck = new Option<bool>("--stuck") { Description = "Only series in their stage for several times its timeout (Gateway:Admin:Stuck*After)." };
        var newerThan = new Option<string?>("--newer-than") { Description = "Changed within this ISO 8601 duration." };
        var limit = new Option<int>("--limit") { Description = "Series per page (1-500).", DefaultValueFactory = _ => 50 };
        var all = new Option<bool>("--all") { Description = "Follow every page instead of printing the first." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var series = new Command("series", "List series by state, organization, model type and age, or show one series' timeline.")
        {
            correlationId, gateway, states, organization, modelType, olderThan, newerThan, stuck, limit, all, json,
        };
        series.SetAction((result, cancellationToken) => OpsSeriesRunner.RunAsync(new OpsSeriesRequest(
            result.GetValue(gateway)!, Environment.GetEnvironmentVariable("MEDPIPE_API_KEY") ?? "", result.GetValue(correlationId),
            result.GetValue(states) ?? [], result.GetValue(organization), result.GetValue(modelType), result.GetValue(olderThan), result.GetValue(newerThan),
            result.GetValue(stuck), result.GetValue(limit), result.GetValue(all), result.GetValue(json)), cancellationToken));
        return new Command("ops", "Operations over the gateway's admin API (role admin).")
        {
            series, OpsActionCommands.Rerun(), OpsActionCommands.Cancel(), OpsStatsCommand.Create(), OpsQueuesCommand.Create(gateway),
        };
    }
}
