using System.CommandLine;
using MedPipeline.Cli.Ops;

namespace MedPipeline.Cli.Commands;

/// <summary>
/// <c>medpipe ops rerun &lt;correlationId&gt; [--reason r] [--json]</c> and <c>medpipe ops cancel …</c>: the admin API's operator
/// actions. Gateway and key as <c>ops series</c> (--gateway or $MEDPIPE_GATEWAY; the key only from $MEDPIPE_API_KEY).
/// </summary>
internal static class OpsActionCommands
{
    public static Command Rerun() => Create("rerun", "Run a failed or stuck series again from its upload (refused when the upload is gone).");

    public static Command Cancel() => Create("cancel", "Cancel a running series: it fails with \"cancelled by an operator\" and its callbacks are sent.");

    private static Command Create(string action, string description)
    {
        var correlationId = new Argument<Guid>("correlationId") { Description = "The series (its correlation id, as `ops series` lists it)." };
        var gateway = new Option<string>("--gateway")
        {
            Description = "The gateway's base URL (default: $MEDPIPE_GATEWAY).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MEDPIPE_GATEWAY") is { Length: > 0 } url ? url : "http://127.0.0.1:8080/",
        };
        var reason = new Option<string?>("--reason") { Description = "A note for the audit log (at most 200 characters; no patient data)." };
        var json = new Option<bool>("--json") { Description = "Print the API's JSON answer." };
        var command = new Command(action, description) { correlationId, gateway, reason, json };
        command.SetAction((result, cancellationToken) => OpsActionRunner.RunAsync(new OpsActionRequest(
            result.GetValue(gateway)!, Environment.GetEnvironmentVariable("MEDPIPE_API_KEY") ?? "", action, result.GetValue(correlationId),
            result.GetValue(reason), result.GetValue(json)), cancellationToken));
        return command;
    }
}
