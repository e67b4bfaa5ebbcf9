namespace MedPipeline.Cli.Predict;

internal sealed record PredictRequest(FileSystemInfo Input, string ModelType, double? Threshold, bool Json, DirectoryInfo Models);
