using System.Text.Json;

namespace MedPipeline.Cli.Ops;

/// <summary>What every <c>medpipe ops</c> command shares: the key and gateway checks (exit 2), the client, and reading a problem.</summary>
internal static class AdminApi
{
    /// <summary>The client for <paramref name="gatewayText"/> with <paramref name="apiKey"/>, or null after printing why (exit 2).</summary>
    public static async Task<HttpClient?> CreateAsync(string gatewayText, string apiKey)
    {
        if (apiKey.Length == 0)
        {
            await Console.Error.WriteLineAsync("medpipe: set MEDPIPE_API_KEY to an API key with the admin role.");
            return null;
        }

        if (!Uri.TryCreate(gatewayText.EndsWith('/') ? gatewayText : gatewayText + "/", UriKind.Absolute, out var gateway)
            || gateway.Scheme is not ("http" or "https"))
        {
            await Console.Error.WriteLineAsync($"medpipe: --gateway '{gatewayText}' is not an http(s) URL.");
            return null;
        }

        var http = new HttpClient { BaseAddress = gateway };
        http.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        return http;
    }

    /// <summary>Prints a refusal's status, problem title, detail and errors on stderr (exit 1).</summary>
    public static async Task<int> PrintRefusalAsync(HttpResponseMessage response, JsonElement problem)
    {
        await Console.Error.WriteLineAsync($"medpipe: {(int)response.StatusCode} {Text(problem, "title")} {Text(problem, "detail")} {Errors(problem)}".TrimEnd());
        return 1;
    }

    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch { JsonValueKind.Null or JsonValueKind.Undefined => null, JsonValueKind.String => value.GetString(), _ => value.GetRawText() }
            : null;

    private static string Errors(JsonElement problem) =>
        problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("errors", out var errors)
            ? string.Join("; ", errors.EnumerateObject().Select(e => $"{e.Name}: {string.Join(", ", e.Value.EnumerateArray().Select(v => v.GetString()))}"))
            : "";
}
