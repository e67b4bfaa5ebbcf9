using System.Runtime.Versioning;
using MedPipeline.Dicom.Codecs;
using MedPipeline.Imaging;
using MedPipeline.Testing;

namespace MedPipeline.Dicom.Codecs.Tests;

/// <summary>The parent's secrets stay in the parent: the child's environment is read back from /proc/&lt;pid&gt;/environ.</summary>
[SupportedOSPlatform("linux")]
public sealed class When_a_codec_child_is_started
{
    private const string Jpeg2000File = "/usr/lib/python3/dist-packages/pydicom/data/test_files/JPEG2000.dcm";
    private const string Secret = "secret-xyz";
    private static readonly string[] SecretVariables =
        ["ConnectionStrings__Orchestrator", "RabbitMq__Password", "Organizations__demo__CallbackToken", "MEDPIPE_API_TOKEN"];

    [SetUp]
    public void PlantSecrets()
    {
        foreach (var name in SecretVariables)
        {
            Environment.SetEnvironmentVariable(name, Secret);
        }
    }

    [TearDown]
    public void RemoveSecrets()
    {
        foreach (var name in SecretVariables)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Test]
    public async Task It_sees_no_secret_and_a_private_temporary_folder_that_is_gone_after_dispose()
    {
        Dictionary<string, string> environment;
        string folder;
        await using (var pool = new CodecProcessPool(new CodecPoolOptions()))
        {
            using var frame = await pool.DecodeAsync(await OneFrameAsync(), new PixelValueInfo { BitsStored = 16, IsDicom = true }, CancellationToken.None);
            Assert.That(frame.Width, Is.GreaterThan(0), "the child still decodes with its cleared environment");
            var pid = pool.WorkerPids.Single();
            environment = (await File.ReadAllTextAsync($"/proc/{pid}/environ")).Split('\0', StringSplitOptions.RemoveEmptyEntries)
                .Select(v => v.Split('=', 2)).ToDictionary(v => v[0], v => v.Length > 1 ? v[1] : "", StringComparer.Ordinal);
            folder = environment["TMPDIR"];

            Assert.That(Directory.Exists(folder));
            Assert.That(File.GetUnixFileMode(folder), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        }

        Assert.That(environment.Values, Has.None.Contains(Secret));
        Assert.That(environment.Keys, Has.None.StartsWith("ConnectionStrings").And.None.StartsWith("RabbitMq").And.None.StartsWith("Organizations"));
        Assert.That(environment.Keys.Where(k => k.Contains("Token", StringComparison.OrdinalIgnoreCase) || k.Contains("Password", StringComparison.OrdinalIgnoreCase)), Is.Empty);
        Assert.That(environment["HOME"], Is.EqualTo(folder));
        Assert.That(environment["LC_ALL"], Is.EqualTo("C"));
        Assert.That(folder, Does.StartWith(Path.GetTempPath()).And.Contain("medpipe-codec-"));
        Assert.That(Directory.Exists(folder), Is.False, "the private folder is removed with the child");
    }

    private static async Task<CompressedFrame> OneFrameAsync()
    {
        var dataset = await DicomFile.ReadAsync(Jpeg2000File);
        var recorder = new RecordingCodec();
        Assert.ThrowsAsync<DicomReadException>(() => dataset.DecodeFramesAsync(recorder));
        return recorder.Frames[0];
    }
}
