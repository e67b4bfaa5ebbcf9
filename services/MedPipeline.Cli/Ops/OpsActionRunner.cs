using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace MedPipeline.Cli.Ops;

/// <summary>
/// Posts an operator action to the admin API: exit 0 when accepted (202), 1 when refused (the problem's title and
/// detail on stderr, e.g. 409 "the upload is gone") or the gateway does not answer, 2 for a usage error.
/// </summary>
internal static class OpsActionRunner
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(OpsActionRequest request, CancellationToken cancellationToken)
    {
        if (request.ApiKey.Length == 0)
        {
            await Console.Error.WriteLineAsync("medpipe: set MEDPIPE_API_KEY to an API key with the admin role.");
            return 2;
        }

        if (!Uri.TryCreate(request.Gateway.EndsWith('/') ? request.Gateway : request.Gateway + "/", UriKind.Absolute, out var gateway)
            || gateway.Scheme is not ("http" or "https"))
        {
            await Console.Error.WriteLineAsync($"medpipe: --gateway '{request.Gateway}' is not an http(s) URL.");
            return 2;
        }

        using var http = new HttpClient { BaseAddress = gateway };
        http.DefaultRequestHeaders.Add("X-API-Key", request.ApiKey);
        try
        {
            using var response = await http.PostAsync(request.PathAndQuery, content: null, cancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                await Console.Error.WriteLineAsync($"medpipe: {(int)response.StatusCode} {Text(body, "title")} {Text(body, "detail")}".TrimEnd());
                return 1;
            }

            if (request.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(body, Indented));
            }
            else
            {
                AnsiConsole.MarkupLine(Markup.Escape($"{request.Action} of series {request.CorrelationId} accepted; follow it with: medpipe ops series {request.CorrelationId}"));
            }

            return 0;
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"medpipe: the gateway at {gateway} does not answer: {e.Message}");
            return 1;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
