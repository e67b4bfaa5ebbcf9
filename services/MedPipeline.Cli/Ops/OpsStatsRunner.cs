using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace MedPipeline.Cli.Ops;

/// <summary>
/// Asks GET /api/admin/stats and prints three tables (series per organization and state, failed callbacks, stage latencies)
/// or the JSON as the API answered it. Exit codes as <c>ops series</c>: 0 ok, 1 refused or unreachable, 2 usage.
/// </summary>
internal static class OpsStatsRunner
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string gatewayText, string apiKey, string? organization, bool json, CancellationToken cancellationToken)
    {
        using var http = await AdminApi.CreateAsync(gatewayText, apiKey);
        if (http is null)
        {
            return 2;
        }

        try
        {
            var path = string.IsNullOrEmpty(organization) ? "api/admin/stats" : $"api/admin/stats?organization={Uri.EscapeDataString(organization)}";
            using var response = await http.GetAsync(path, cancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return await AdminApi.PrintRefusalAsync(response, body);
            }

            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(body, Indented));
            }
            else
            {
                Print(body);
            }

            return 0;
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"medpipe: the gateway at {http.BaseAddress} does not answer: {e.Message}");
            return 1;
        }
    }

    private static void Print(JsonElement stats)
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 240;
        }

        AnsiConsole.Write(Table(stats, "series", "Series changed (by organization and state)",
            ("organization", "organization"), ("state", "state"), ("last hour", "lastHour"), ("last day", "lastDay")));
        AnsiConsole.Write(Table(stats, "callbackFailures", "Failed callback deliveries",
            ("organization", "organization"), ("last hour", "lastHour"), ("last day", "lastDay")));
        AnsiConsole.Write(Table(stats, "stageLatencies", "Stage latency over the last day (ms)",
            ("stage", "stage"), ("series", "count"), ("p50", "p50Ms"), ("p95", "p95Ms")));
    }

    private static Table Table(JsonElement stats, string property, string title, params (string Header, string Name)[] columns)
    {
        var table = new Table { Title = new TableTitle(title) }.AddColumns([.. columns.Select(c => c.Header)]);
        foreach (var row in stats.GetProperty(property).EnumerateArray())
        {
            table.AddRow([.. columns.Select(c => Markup.Escape(AdminApi.Text(row, c.Name) ?? ""))]);
        }

        return table;
    }
}
