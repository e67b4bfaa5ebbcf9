using System.Runtime.InteropServices;

namespace MedPipeline.Imaging.Jpeg;

/// <summary>The TurboJPEG 2.x calls we use (Debian libturbojpeg0).</summary>
internal static partial class TurboJpegNative
{
    public const int PixelFormatRgb = 0;
    public const int PixelFormatGray = 6;
    public const int ColorspaceGray = 2;

    /// <summary>TJFLAG_STOPONWARNING: a truncated or damaged stream is an error, not a gray-filled image.</summary>
    public const int FlagStopOnWarning = 8192;

    /// <summary>TJFLAG_LIMITSCANS: refuse progressive images with absurd scan counts.</summary>
    public const int FlagLimitScans = 32768;

    private const string Library = "libturbojpeg.so.0";

    [LibraryImport(Library, EntryPoint = "tjInitDecompress")]
    public static partial TurboJpegHandle InitDecompress();

    [LibraryImport(Library, EntryPoint = "tjDestroy")]
    public static partial int Destroy(nint handle);

    [LibraryImport(Library, EntryPoint = "tjDecompressHeader3")]
    public static unsafe partial int DecompressHeader(TurboJpegHandle handle, byte* jpeg, nuint size, out int width, out int height, out int subsampling, out int colorspace);

    [LibraryImport(Library, EntryPoint = "tjDecompress2")]
    public static unsafe partial int Decompress(TurboJpegHandle handle, byte* jpeg, nuint size, byte* output, int width, int pitch, int height, int pixelFormat, int flags);

    [LibraryImport(Library, EntryPoint = "tjGetErrorStr2")]
    public static partial nint ErrorText(TurboJpegHandle handle);
}
