using System.Text.Json;

namespace MedPipeline.Pipeline.Tests.Prometheus;

/// <summary>An active alert as /api/v1/alerts lists it: its labels (alertname included) and state (pending or firing).</summary>
internal sealed record PrometheusAlert(IReadOnlyDictionary<string, string> Labels, string State)
{
    public string Name => Labels["alertname"];

    public string this[string label] => Labels.TryGetValue(label, out var value) ? value : "";

    public static PrometheusAlert From(JsonElement element) => new(
        element.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
        element.GetProperty("state").GetString()!);

    public override string ToString() => $"{Name} {State} {{{string.Join(", ", Labels.Select(l => $"{l.Key}=\"{l.Value}\""))}}}";
}
