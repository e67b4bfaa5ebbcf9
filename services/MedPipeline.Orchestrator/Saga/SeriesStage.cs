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

    /// <summary>A finished series waiting to redeliver its callback.</summary>
    Callback,
}
