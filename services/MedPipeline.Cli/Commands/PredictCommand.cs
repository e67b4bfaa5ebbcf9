using System.CommandLine;
using MedPipeline.Cli.Predict;

namespace MedPipeline.Cli.Commands;

/// <summary><c>medpipe predict &lt;file|folder|zip&gt; --model &lt;modelType&gt; [--threshold x] [--json]</c>: inference in-process, no infrastructure.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var input = new Argument<FileSystemInfo>("input") { Description = "A DICOM, PNG or JPEG file, a folder of them, or a ZIP of a series." };
        var model = new Option<string>("--model", "-m") { Description = "The modelType to run (see models/).", Required = true };
        var threshold = new Option<double?>("--threshold") { Description = "Anomaly models: is_anomaly when the reconstruction MSE is above this (default: the model's calibrated threshold)." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var models = new Option<DirectoryInfo>("--models")
        {
            Description = "The models folder (default: $MEDPIPE_MODELS, else ./models).",
            DefaultValueFactory = _ => new DirectoryInfo(Environment.GetEnvironmentVariable("MEDPIPE_MODELS") is { Length: > 0 } path ? path : "models"),
        };
        var command = new Command("predict", "Run a model on a file, a folder or a ZIP, in this process (no broker, database or server).")
        {
            input, model, threshold, json, models,
        };
        command.SetAction((result, cancellationToken) => PredictRunner.RunAsync(new PredictRequest(
            result.GetValue(input)!, result.GetValue(model)!, result.GetValue(threshold), result.GetValue(json), result.GetValue(models)!), cancellationToken));
        return command;
    }
}
