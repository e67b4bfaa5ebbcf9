using System.Diagnostics;

namespace MedPipeline.Dicom.Tests;

/// <summary>Validators no one here wrote: dicom3tools' dciodvfy and dcmtk's dsrdump and dcmdump, run on a file.</summary>
internal static class DicomValidators
{
    public sealed record Run(int ExitCode, string Output)
    {
        public IReadOnlyList<string> Lines(string prefix) =>
            [.. Output.Split('\n').Where(l => l.TrimStart().StartsWith(prefix, StringComparison.Ordinal))];
    }

    public static async Task<Run> RunAsync(string tool, params string[] arguments)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, await output + await errors);
    }

    /// <summary>dciodvfy's verdict: its "Error" lines must be none; its warnings are printed for the record.</summary>
    public static async Task<Run> DciodvfyAsync(string path)
    {
        var run = await RunAsync("dciodvfy", "-new", path);
        TestContext.Out.WriteLine($"dciodvfy {Path.GetFileName(path)}:\n{run.Output}");
        return run;
    }
}
