using System.Text.Json.Serialization;

namespace MedPipeline.SampleBackend;

[JsonSerializable(typeof(IReadOnlyList<ReceivedCallback>))]
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
internal sealed partial class SampleBackendJson : JsonSerializerContext;
