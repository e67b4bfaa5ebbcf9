namespace MedPipeline.Imaging;

public static class ImageFormatSniffer
{
    public static ImageFormat Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ImageFormat.Png;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ImageFormat.Jpeg;
        }

        return bytes.Length >= 132 && bytes.Slice(128, 4).SequenceEqual("DICM"u8) ? ImageFormat.Dicom : ImageFormat.Unknown;
    }
}
