using System.Text.Json.Serialization;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>
/// What a series waits for while it has a due time: a worker's answer, or (once finished) the next
/// callback redelivery. Stored by name (PascalCase text) in the saga row and the status table.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<SeriesStage>))]
public enum SeriesStage
{
    Unpack,
    Preprocess,
    Inference,

    /// <summary>The results worker makes and exports the DICOM results (organizations with DICOM output only).</summary>
    DicomResults,

    /// <summary>A finished series waiting to redeliver its callback.</summary>
    Callback,
}
