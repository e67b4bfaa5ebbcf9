namespace MedPipeline.Dicom.Reports;

/// <summary>
/// The concepts of the results SR: DICOM (DCM), SNOMED CT (SCT) and UCUM codes where a standard one exists, the
/// private scheme <see cref="PrivateScheme"/> (declared in the SR's Coding Scheme Identification) for the rest.
/// </summary>
public static class ResultCodes
{
    public const string PrivateScheme = "99MEDPIPE";

    // Code values are SH: at most 16 characters.

    public static readonly CodedConcept Report = new("126000", "DCM", "Imaging Measurement Report");
    public static readonly CodedConcept AlgorithmName = new("111001", "DCM", "Algorithm Name");
    public static readonly CodedConcept AlgorithmVersion = new("111003", "DCM", "Algorithm Version");
    public static readonly CodedConcept ModelSha256 = new("model-sha256", PrivateScheme, "Model SHA-256");
    public static readonly CodedConcept ModelType = new("model-type", PrivateScheme, "Model type");
    public static readonly CodedConcept Finding = new("121071", "DCM", "Finding");
    public static readonly CodedConcept Probability = new("probability", PrivateScheme, "Probability of the finding");
    public static readonly CodedConcept ReconstructionMse = new("recon-mse", PrivateScheme, "Reconstruction mean squared error");
    public static readonly CodedConcept AnomalyThreshold = new("threshold", PrivateScheme, "Anomaly threshold");
    public static readonly CodedConcept Anomalous = new("anomalous", PrivateScheme, "Anomaly detected");
    public static readonly CodedConcept SourceImage = new("260753009", "SCT", "Source");
    public static readonly CodedConcept Yes = new("373066001", "SCT", "Yes");
    public static readonly CodedConcept No = new("373067005", "SCT", "No");
    public static readonly CodedConcept NoUnits = new("1", "UCUM", "no units");
}
