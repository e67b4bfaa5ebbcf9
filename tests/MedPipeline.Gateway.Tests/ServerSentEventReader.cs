using System.Text;
using System.Text.Json;

namespace MedPipeline.Gateway.Tests;

/// <summary>Reads a text/event-stream as its frames: the raw text of each, and its event name and JSON data.</summary>
internal sealed class ServerSentEventReader(Stream body) : IDisposable
{
    private readonly StreamReader _reader = new(body, Encoding.UTF8);

    /// <summary>The next event (keep-alive comments are skipped); null at the end of the stream.</summary>
    public async Task<(string Raw, string Event, JsonElement Data)?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var raw = new StringBuilder();
            string? line;
            while ((line = await _reader.ReadLineAsync(cancellationToken)) is { Length: > 0 })
            {
                raw.Append(line).Append('\n');
            }

            if (line is null && raw.Length == 0)
            {
                return null;
            }

            var lines = raw.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (lines.All(l => l.StartsWith(':')))
            {
                continue;
            }

            var name = lines.Single(l => l.StartsWith("event: ", StringComparison.Ordinal))["event: ".Length..];
            var data = lines.Single(l => l.StartsWith("data: ", StringComparison.Ordinal))["data: ".Length..];
            return (raw.Append('\n').ToString(), name, JsonDocument.Parse(data).RootElement.Clone());
        }
    }

    public void Dispose() => _reader.Dispose();
}
