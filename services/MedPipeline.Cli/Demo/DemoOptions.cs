namespace MedPipeline.Cli.Demo;

internal sealed record DemoOptions(DirectoryInfo Checkout, string Configuration, bool StartOnly, bool ExitWhenDone);
