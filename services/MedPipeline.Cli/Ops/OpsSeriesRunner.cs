using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace MedPipeline.Cli.Ops;

/// <summary>Asks the admin API and prints a table (or the JSON as the API answered it); a refusal prints the problem's title and detail.</summary>
internal static class OpsSeriesRunner
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(OpsSeriesRequest request, CancellationToken cancellationToken)
    {
        using var http = await AdminApi.CreateAsync(request.Gateway, request.ApiKey);
        if (http is null)
        {
            return 2;
        }

        try
        {
            return await AskAsync(http, request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"medpipe: the gateway at {http.BaseAddress} does not answer: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> AskAsync(HttpClient http, OpsSeriesRequest request, CancellationToken cancellationToken)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            using var response = await http.GetAsync(request.PathAndQuery(cursor), cancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return await AdminApi.PrintRefusalAsync(response, body);
            }

            if (request.CorrelationId is not null)
            {
                PrintTimeline(body, request.Json);
                return 0;
            }

            items.AddRange(body.GetProperty("items").EnumerateArray());
            cursor = Text(body, "nextCursor");
        }
        while (request.AllPages && cursor is not null);

        PrintList(items, cursor, request.Json);
        return 0;
    }

    private static void PrintList(List<JsonElement> items, string? nextCursor, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { items, nextCursor }, Indented));
            return;
        }

        // Piped or logged, the console has no width and Spectre assumes 80, which would wrap correlation ids
        // across lines; a grep or a copy needs them whole.
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 240;
        }

        var table = new Table().AddColumns("correlation id", "organization", "model", "state", "stage", "attempt", "updated", "reason");
        foreach (var item in items)
        {
            table.AddRow([.. new[] { "correlationId", "organization", "modelType", "state", "stage", "attempt", "updatedAt", "reason" }
                .Select(name => Markup.Escape(Text(item, name) ?? ""))]);
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(nextCursor is null ? $"{items.Count} series" : $"{items.Count} series; more with --all");
    }

    private static void PrintTimeline(JsonElement series, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(series, Indented));
            return;
        }

        AnsiConsole.MarkupLine(Markup.Escape($"{Text(series, "correlationId")} {Text(series, "organization")} {Text(series, "modelType")}: "
            + $"{Text(series, "state")}, attempt {Text(series, "attempt")}{(Text(series, "reason") is { } reason ? $" ({reason})" : "")}"));
        var stages = new Table().AddColumns("stage", "at", "after previous (ms)");
        foreach (var stage in series.GetProperty("timeline").EnumerateArray())
        {
            stages.AddRow(Markup.Escape(Text(stage, "stage") ?? ""), Markup.Escape(Text(stage, "at") ?? ""), Markup.Escape(Text(stage, "afterPreviousMs") ?? ""));
        }

        AnsiConsole.Write(stages);
        var callbacks = new Table().AddColumns("callback (backend series id)", "outcome");
        foreach (var callback in series.GetProperty("callbacks").EnumerateArray())
        {
            callbacks.AddRow(Markup.Escape(Text(callback, "seriesId") ?? ""), Markup.Escape(Text(callback, "outcome") ?? ""));
        }

        AnsiConsole.Write(callbacks);
    }

    private static string? Text(JsonElement element, string name) => AdminApi.Text(element, name);
}
