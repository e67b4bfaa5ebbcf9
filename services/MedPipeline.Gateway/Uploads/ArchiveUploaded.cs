namespace MedPipeline.Gateway.Uploads;

/// <summary>The answer to POST /api/archives: the key to name as <c>archiveKey</c> in a direct-enqueue PredictSeries.</summary>
public sealed record ArchiveUploaded(string ArchiveKey, long Bytes);
