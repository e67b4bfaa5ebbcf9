using System.CommandLine;
using MedPipeline.Cli.Commands;

var root = new RootCommand("medpipe: MedPipeline's command line (demo stack, and more to come).")
{
    DemoCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
