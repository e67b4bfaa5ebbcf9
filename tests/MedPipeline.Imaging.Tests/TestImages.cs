using System.Diagnostics;

namespace MedPipeline.Imaging.Tests;

/// <summary>The PNG/JPEG test files, written by make_images.py (Debian's python3-pil) into a fresh temporary folder.</summary>
internal static class TestImages
{
    public static string Make(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "make_images.py"));
        info.ArgumentList.Add(folder);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"making test images needs Debian's python3-pil: {error}");
        return folder;
    }
}
