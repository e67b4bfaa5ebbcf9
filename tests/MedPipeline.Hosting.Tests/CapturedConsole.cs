using System.Text.Json;

namespace MedPipeline.Hosting.Tests;

/// <summary>
/// Console output captured while a host is built and used: the console logger takes Console.Out when
/// it is created, so the capture must start before the host is built and be read after it is disposed
/// (which drains the logger's queue).
/// </summary>
public sealed class CapturedConsole : IDisposable
{
    private readonly TextWriter _original = Console.Out;
    private readonly StringWriter _writer = new();

    public CapturedConsole() => Console.SetOut(TextWriter.Synchronized(_writer));

    public IReadOnlyList<string> Lines() => _writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Every captured line must be one JSON object; returns them parsed.</summary>
    public IReadOnlyList<JsonElement> JsonLines() => [.. Lines().Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    public void Dispose()
    {
        Console.SetOut(_original);
        _writer.Dispose();
    }
}
