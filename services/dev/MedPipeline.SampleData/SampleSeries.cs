namespace MedPipeline.SampleData;

/// <summary>One series ready to submit: its UIDs, modality and the ZIP named as a backend names it.</summary>
public sealed record SampleSeries(string Description, string StudyInstanceUid, string SeriesInstanceUid, string Modality, byte[] Zip)
{
    /// <summary>dicom_{studyInstanceUid}_{seriesInstanceUid}.zip</summary>
    public string FileName => $"dicom_{StudyInstanceUid}_{SeriesInstanceUid}.zip";
}
