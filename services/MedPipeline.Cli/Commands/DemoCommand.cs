using System.CommandLine;
using MedPipeline.Cli.Demo;

namespace MedPipeline.Cli.Commands;

/// <summary><c>medpipe demo [--start-only]</c>: the README's main command.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var startOnly = new Option<bool>("--start-only")
        {
            Description = "Start the stack, write .medpipe/endpoints.json and keep it up until Ctrl-C, without submitting sample series.",
        };
        var checkout = new Option<DirectoryInfo>("--checkout")
        {
            Description = "The MedPipeline checkout (where .medpipe/endpoints.json is written).",
            DefaultValueFactory = _ => new DirectoryInfo(Directory.GetCurrentDirectory()),
        };
        var gateway = new Option<FileInfo?>("--gateway")
        {
            Description = "The built MedPipeline.Gateway.dll to start (infra/demo.sh passes it).",
        };
        var command = new Command("demo", "Start the stack on loopback (RabbitMQ, PostgreSQL, the gateway) and show where it is.")
        {
            startOnly,
            checkout,
            gateway,
        };
        command.SetAction((result, cancellationToken) =>
            DemoRunner.RunAsync(result.GetValue(checkout)!, result.GetValue(gateway), result.GetValue(startOnly), Console.Out, cancellationToken));
        return command;
    }
}
