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
        using var http = await AdminApi.CreateAsync(request.Gateway, request.ApiKey);
        if (http is null)
        {
            return 2;
        }

        try
        {
            using var response = await http.PostAsync(request.PathAndQuery, content: null, cancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return await AdminApi.PrintRefusalAsync(response, body);
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
            await Console.Error.WriteLineAsync($"medpipe: the gateway at {http.BaseAddress} does not answer: {e.Message}");
            return 1;
        }
    }
}
