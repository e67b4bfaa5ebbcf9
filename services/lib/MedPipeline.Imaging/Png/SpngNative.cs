using System.Runtime.InteropServices;

namespace MedPipeline.Imaging.Png;

/// <summary>The libspng 0.7 calls we use (Debian libspng0). Only RGBA8/RGBA16, whose values are stable across versions.</summary>
internal static partial class SpngNative
{
    public const int FormatRgba8 = 1;
    public const int FormatRgba16 = 2;
    private const string Library = "libspng.so.0";

    [StructLayout(LayoutKind.Sequential)]
    public struct Header
    {
        public uint Width;
        public uint Height;
        public byte BitDepth;
        public byte ColorType;
        public byte CompressionMethod;
        public byte FilterMethod;
        public byte InterlaceMethod;
    }

    [LibraryImport(Library, EntryPoint = "spng_ctx_new")]
    public static partial SpngContext ContextNew(int flags);

    [LibraryImport(Library, EntryPoint = "spng_ctx_free")]
    public static partial void ContextFree(nint context);

    [LibraryImport(Library, EntryPoint = "spng_set_png_buffer")]
    public static unsafe partial int SetBuffer(SpngContext context, byte* buffer, nuint size);

    [LibraryImport(Library, EntryPoint = "spng_set_image_limits")]
    public static partial int SetImageLimits(SpngContext context, uint width, uint height);

    [LibraryImport(Library, EntryPoint = "spng_get_ihdr")]
    public static partial int GetHeader(SpngContext context, out Header header);

    [LibraryImport(Library, EntryPoint = "spng_decoded_image_size")]
    public static partial int DecodedImageSize(SpngContext context, int format, out nuint size);

    [LibraryImport(Library, EntryPoint = "spng_decode_image")]
    public static unsafe partial int DecodeImage(SpngContext context, byte* output, nuint size, int format, int flags);

    [LibraryImport(Library, EntryPoint = "spng_strerror")]
    public static partial nint ErrorText(int error);
}
