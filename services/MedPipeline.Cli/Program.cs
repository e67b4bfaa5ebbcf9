using System.CommandLine;
using MedPipeline.Cli.Commands;

var root = new RootCommand("medpipe: MedPipeline's command line.")
{
    DemoCommand.Create(),
    PredictCommand.Create(),
    OpsCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
