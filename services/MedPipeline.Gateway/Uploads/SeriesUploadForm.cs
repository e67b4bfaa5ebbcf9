namespace MedPipeline.Gateway.Uploads;

/// <summary>The validated fields of a series prediction request and the key of its archive in the store.</summary>
public sealed record SeriesUploadForm(
    string SeriesId,
    string Organization,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string ModelType,
    bool PredictAgain,
    string ArchiveKey,
    long ArchiveBytes);
