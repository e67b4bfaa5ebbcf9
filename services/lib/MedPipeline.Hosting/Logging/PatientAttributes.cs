namespace MedPipeline.Hosting.Logging;

/// <summary>
/// Patient attributes that must never be logged (DICOM keywords and their usual spellings). Logs carry
/// identifiers of our own (correlation, attempt, SOP instance UIDs), never these; tests check formatted
/// log lines and the message contracts against this list.
/// </summary>
public static class PatientAttributes
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "PatientName", "PatientID", "PatientId", "PatientBirthDate", "PatientBirthTime", "PatientSex", "PatientAge",
        "PatientAddress", "PatientTelephoneNumbers", "OtherPatientIDs", "OtherPatientNames", "PatientMotherBirthName",
        "AccessionNumber", "BirthDate", "InstitutionName", "ReferringPhysicianName",
    ];
}
