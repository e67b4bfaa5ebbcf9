using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace MedPipeline.Testing.Corpus;

/// <summary>pydicom's own decoding of its test corpus (Debian python3-pydicom), dumped once per test run.</summary>
public sealed class PydicomReference
{
    private readonly string _folder;

    private PydicomReference(string folder, IReadOnlyList<ReferenceEntry> entries)
    {
        _folder = folder;
        Entries = entries;
    }

    public IReadOnlyList<ReferenceEntry> Entries { get; }

    public static PydicomReference Create(string folder)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Corpus", "dump_pydicom_reference.py");
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(folder);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("/usr/bin/python3 did not start");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The pydicom reference dump failed ({process.ExitCode}); install Debian's python3-pydicom and python3-numpy (infra/setup.sh does). {error.Result}");
        }

        var entries = JsonSerializer.Deserialize<List<ReferenceEntry>>(File.ReadAllText(Path.Combine(folder, "index.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        return new PydicomReference(folder, entries);
    }

    public double[] Pixels(ReferenceEntry entry) =>
        MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(Path.Combine(_folder, entry.File!))).ToArray();
}
