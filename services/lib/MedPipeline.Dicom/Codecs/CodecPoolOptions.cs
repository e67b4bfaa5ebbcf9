using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Dicom.Codecs;

/// <summary>The codec worker pool ("Dicom:Codecs").</summary>
public sealed class CodecPoolOptions
{
    public const string Section = "Dicom:Codecs";

    [Range(1, 64)]
    public int PoolSize { get; set; } = 2;

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A worker whose resident memory passes this is killed and its frame fails with DecoderCrashed.</summary>
    [Range(128, 65_536)]
    public int MemoryLimitMegabytes { get; set; } = 1024;

    /// <summary>MedPipeline.DicomCodecHost.dll; by default the one in codec-host/ beside the running application (see <see cref="CodecHostLocation"/>).</summary>
    public string? HostPath { get; set; }

    /// <summary>Where Debian's libgdcm-cil keeps gdcm-sharp's native glue.</summary>
    public string GdcmLibraryPath { get; set; } = "/usr/lib/cli/gdcm-sharp-3.0";

    /// <summary>Extra environment for the workers; tests use it for the host's fault hook. Empty in production.</summary>
    public Dictionary<string, string> WorkerEnvironment { get; } = [];
}
