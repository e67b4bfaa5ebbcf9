using System.Globalization;
using System.Text.Json;

namespace MedPipeline.Pipeline.Tests.Prometheus;

/// <summary>One element of an instant query's result: its labels and its value (NaN stays NaN).</summary>
internal sealed record PrometheusSample(IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string this[string label] => Labels.TryGetValue(label, out var value) ? value : "";

    public static PrometheusSample From(JsonElement element) => new(
        element.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
        ValueOf(element.GetProperty("value")));

    public static PrometheusSample FromScalar(JsonElement value) => new(new Dictionary<string, string>(), ValueOf(value));

    // The API writes a value as [unix time, "text"], the text being a Go float ("NaN", "+Inf" included).
    private static double ValueOf(JsonElement pair) =>
        double.Parse(pair[1].GetString()!.Replace("+Inf", "Infinity", StringComparison.Ordinal).Replace("-Inf", "-Infinity", StringComparison.Ordinal),
            NumberStyles.Float, CultureInfo.InvariantCulture);

    public override string ToString() =>
        $"{{{string.Join(", ", Labels.Select(l => $"{l.Key}=\"{l.Value}\""))}}} {Value.ToString(CultureInfo.InvariantCulture)}";
}
