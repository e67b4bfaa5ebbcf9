using System.Diagnostics;

namespace MedPipeline.Gateway.Tests;

/// <summary>JPEG copies of test images, made by Debian's python3-pil (the repository has no JPEG encoder of its own).</summary>
internal static class PillowJpeg
{
    public static byte[] FromPng(byte[] png)
    {
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("import sys; from PIL import Image; Image.open(sys.stdin.buffer).save(sys.stdout.buffer, 'JPEG', quality=95)");
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        using (var input = process.StandardInput.BaseStream)
        {
            input.Write(png);
        }

        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"making a JPEG needs Debian's python3-pil: {error.Result}");
        return output.ToArray();
    }
}
