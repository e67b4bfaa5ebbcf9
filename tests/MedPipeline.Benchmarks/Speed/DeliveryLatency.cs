using System.Globalization;
using System.Text.RegularExpressions;

namespace MedPipeline.Benchmarks.Speed;

/// <summary>
/// How long messages waited between being sent and being consumed ("delivery") and how long their consumer took ("consume"),
/// per service and message type, from MassTransit's histograms on each service's /metrics: the difference of two scrapes is
/// what a run's hops cost.
/// </summary>
internal sealed partial class DeliveryLatency
{
    private readonly Dictionary<(string Service, string Message), (double Sum, double Count)> _start;

    private DeliveryLatency(Dictionary<(string Service, string Message), (double Sum, double Count)> start) => _start = start;

    public static async Task<DeliveryLatency> ScrapeAsync(IReadOnlyDictionary<string, Uri> services) => new(await ReadAsync(services));

    /// <summary>Mean milliseconds per (service, message type) since the first scrape, most first.</summary>
    public async Task<string> SinceAsync(IReadOnlyDictionary<string, Uri> services)
    {
        var now = await ReadAsync(services);
        var means = now.Select(n => (n.Key, Now: n.Value, Start: _start.GetValueOrDefault(n.Key)))
            .Select(n => (n.Key, Count: n.Now.Count - n.Start.Count, Sum: n.Now.Sum - n.Start.Sum))
            .Where(n => n.Count > 0)
            .OrderByDescending(n => n.Sum / n.Count)
            .Select(n => string.Create(CultureInfo.InvariantCulture, $"{n.Key.Message}@{n.Key.Service} {n.Sum / n.Count:F1}"));
        return string.Join(", ", means);
    }

    private static async Task<Dictionary<(string Service, string Message), (double Sum, double Count)>> ReadAsync(IReadOnlyDictionary<string, Uri> services)
    {
        using var client = new HttpClient();
        var result = new Dictionary<(string Service, string Message), (double Sum, double Count)>();
        foreach (var (service, address) in services)
        {
            var text = await client.GetStringAsync(new Uri(address, "metrics"));
            foreach (Match m in Line().Matches(text))
            {
                var key = (service.Replace("MedPipeline.", "", StringComparison.Ordinal), $"{m.Groups["metric"].Value} {m.Groups["type"].Value.Split(':')[^1]}");
                var value = double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
                var (sum, count) = result.GetValueOrDefault(key);
                result[key] = m.Groups["part"].Value == "sum" ? (sum + value, count) : (sum, count + value);
            }
        }

        return result;
    }

    [GeneratedRegex("""^messaging_masstransit_(?<metric>delivery|consume|saga)_duration_milliseconds_(?<part>sum|count)\{[^}]*messaging_masstransit_message_type="(?<type>[^"]+)"[^}]*\} (?<value>[0-9.eE+-]+)""", RegexOptions.Multiline)]
    private static partial Regex Line();
}
