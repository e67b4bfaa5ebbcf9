using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace MedPipeline.Cli.Ops;

/// <summary>
/// Asks the admin API about the failure queues and prints a table (or the JSON as the API answered it): the queues with
/// their counts, one queue's messages (ids, fault, time; the API never gives the body), or what a replay or discard moved.
/// </summary>
internal static class OpsQueuesRunner
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(OpsQueuesRequest request, CancellationToken cancellationToken)
    {
        if (request.UsageError() is { } usage)
        {
            await Console.Error.WriteLineAsync($"medpipe: {usage}");
            return 2;
        }

        using var http = await AdminApi.CreateAsync(request.Gateway, request.ApiKey);
        if (http is null)
        {
            return 2;
        }

        try
        {
            var (method, path) = request.Endpoint();
            using var response = await http.SendAsync(new HttpRequestMessage(method, path), cancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return await AdminApi.PrintRefusalAsync(response, body);
            }

            Print(request, body);
            return 0;
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"medpipe: the gateway at {http.BaseAddress} does not answer: {e.Message}");
            return 1;
        }
    }

    private static void Print(OpsQueuesRequest request, JsonElement body)
    {
        if (request.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(body, Indented));
            return;
        }

        // Piped, Spectre assumes 80 columns and would wrap message and correlation ids.
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 240;
        }

        if (request.Queue is null)
        {
            var queues = body.GetProperty("queues").EnumerateArray().ToList();
            AnsiConsole.Write(Rows(new Table().AddColumns("queue", "from", "type", "messages"), queues, "name", "source", "type", "messages"));
            AnsiConsole.MarkupLine(Markup.Escape($"{queues.Count} failure queues, {queues.Sum(q => q.GetProperty("messages").GetInt64())} messages"));
            return;
        }

        var messages = body.GetProperty("messages").EnumerateArray().ToList();
        AnsiConsole.Write(Rows(new Table().AddColumns("message id", "correlation id", "message type", "reason", "exception", "fault", "at"), messages,
            "messageId", "correlationId", "messageType", "reason", "exceptionType", "faultMessage", "faultedAt"));
        AnsiConsole.MarkupLine(Markup.Escape(request.IsAction
            ? $"{AdminApi.Text(body, "replayed")} replayed to {AdminApi.Text(body, "source")}, {AdminApi.Text(body, "discarded")} discarded from {request.Queue}"
            : $"{messages.Count} of {AdminApi.Text(body, "total")} messages in {request.Queue} (from {AdminApi.Text(body, "source")})"));
    }

    private static Table Rows(Table table, List<JsonElement> items, params string[] names)
    {
        foreach (var item in items)
        {
            table.AddRow([.. names.Select(name => Markup.Escape(AdminApi.Text(item, name) ?? ""))]);
        }

        return table;
    }
}
