using MedPipeline.Dicom.Codecs;

namespace MedPipeline.Dicom.Codecs.Tests;

/// <summary>The codec host is a build-only reference: found at run time in codec-host/ beside the app, or where the option says.</summary>
public sealed class When_the_codec_host_is_looked_for
{
    [Test]
    public void By_default_it_is_the_copy_in_codec_host_beside_the_application()
    {
        var path = CodecHostLocation.Resolve(new CodecPoolOptions());

        Assert.That(path, Is.EqualTo(Path.Combine(AppContext.BaseDirectory, "codec-host", "MedPipeline.DicomCodecHost.dll")));
        Assert.That(File.Exists(Path.Combine(AppContext.BaseDirectory, "codec-host", "MedPipeline.DicomCodecHost.runtimeconfig.json")), Is.True,
            "the host is copied with what it needs to start");
    }

    [Test]
    public void A_configured_path_that_does_not_exist_is_an_error_naming_the_option()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-folder", "MedPipeline.DicomCodecHost.dll");

        Assert.That(() => new CodecProcessPool(new CodecPoolOptions { HostPath = missing }),
            Throws.TypeOf<FileNotFoundException>().With.Message.Contains("Dicom:Codecs:HostPath").And.Message.Contains(missing));
    }

    [Test]
    public async Task A_configured_path_is_the_one_started()
    {
        var host = Path.Combine(AppContext.BaseDirectory, "codec-host", "MedPipeline.DicomCodecHost.dll");
        await using var pool = new CodecProcessPool(new CodecPoolOptions { HostPath = host, PoolSize = 1 });

        Assert.That(CodecHostLocation.Resolve(new CodecPoolOptions { HostPath = host }), Is.EqualTo(host));
        Assert.That(pool.SupportedTransferSyntaxes, Does.Contain("1.2.840.10008.1.2.4.90"));
    }
}
