using System.CommandLine;
using MedPipeline.Cli.Demo;

namespace MedPipeline.Cli.Commands;

/// <summary><c>medpipe demo [--start-only] [--exit-when-done]</c>: the README's main command.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var startOnly = new Option<bool>("--start-only")
        {
            Description = "Start the stack, write .medpipe/endpoints.json and keep it up until Ctrl-C, without submitting sample series.",
        };
        var exitWhenDone = new Option<bool>("--exit-when-done")
        {
            Description = "Stop everything once every sample series has its callback, instead of waiting for Ctrl-C (for scripts).",
        };
        var checkout = new Option<DirectoryInfo>("--checkout")
        {
            Description = "The MedPipeline checkout (models, built services; .medpipe/endpoints.json is written there).",
            DefaultValueFactory = _ => new DirectoryInfo(Directory.GetCurrentDirectory()),
        };
        var configuration = new Option<string>("--configuration")
        {
            Description = "The build configuration of the services to start.",
            DefaultValueFactory = _ => "Release",
        };
        var command = new Command("demo", "Start the whole pipeline on loopback, submit sample series and show their progress and callbacks.")
        {
            startOnly,
            exitWhenDone,
            checkout,
            configuration,
        };
        command.SetAction((result, cancellationToken) => DemoRunner.RunAsync(
            new DemoOptions(result.GetValue(checkout)!, result.GetValue(configuration)!, result.GetValue(startOnly), result.GetValue(exitWhenDone)),
            Console.Out, cancellationToken));
        return command;
    }
}
