using System.Text.Json;
using MedPipeline.Testing;

namespace MedPipeline.Pipeline.Tests.Prometheus;

/// <summary>
/// The queries of infra/grafana/medpipeline-pipeline.json as Prometheus gets them from Grafana: every panel's
/// (rows' panels included) <c>targets[].expr</c>, with Grafana's own variables replaced by what Grafana would send.
/// </summary>
internal static class GrafanaDashboard
{
    public static string File { get; } = Path.Combine(RepositoryPaths.Root, "infra", "grafana", "medpipeline-pipeline.json");

    /// <summary>What Grafana puts for <c>$__rate_interval</c> at a 1 s scrape interval is at least 4 scrapes; a minute keeps every rate() well fed.</summary>
    public static IReadOnlyDictionary<string, string> Variables { get; } = new Dictionary<string, string> { ["$__rate_interval"] = "1m" };

    public static IReadOnlyList<(string Panel, string Expression)> Queries()
    {
        using var json = JsonDocument.Parse(System.IO.File.ReadAllText(File));
        return [.. PanelsOf(json.RootElement).SelectMany(panel => panel.TryGetProperty("targets", out var targets)
            ? targets.EnumerateArray().Select(target => (panel.GetProperty("title").GetString()!, Substitute(target.GetProperty("expr").GetString()!)))
            : [])];
    }

    private static IEnumerable<JsonElement> PanelsOf(JsonElement parent) =>
        parent.TryGetProperty("panels", out var panels)
            ? panels.EnumerateArray().SelectMany(panel => PanelsOf(panel).Prepend(panel)).ToList()
            : [];

    private static string Substitute(string expression) =>
        Variables.Aggregate(expression, (text, variable) => text.Replace(variable.Key, variable.Value, StringComparison.Ordinal));
}
