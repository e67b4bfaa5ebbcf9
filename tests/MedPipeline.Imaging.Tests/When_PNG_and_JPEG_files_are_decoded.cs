using MedPipeline.Imaging;

namespace MedPipeline.Imaging.Tests;

public sealed class When_PNG_and_JPEG_files_are_decoded
{
    private string _folder = "";

    [OneTimeSetUp]
    public void MakeImages() => _folder = TestImages.Make("medpipe-images-");

    [OneTimeTearDown]
    public void DeleteImages() => Directory.Delete(_folder, recursive: true);

    private static readonly float[] Gray = [.. Enumerable.Range(0, 15).Select(i => (float)(((i % 5) * 40 + (i / 5) * 7) % 256))];

    [Test]
    public void Eight_bit_gray_PNG_keeps_its_values()
    {
        using var frame = Decode("gray8.png");

        Assert.That((frame.Width, frame.Height, frame.Color, frame.Values.BitsStored), Is.EqualTo((5, 3, ColorModel.Monochrome2, 8)));
        Assert.That(frame.Samples.ToArray(), Is.EqualTo(Gray));
    }

    [Test]
    public void Sixteen_bit_gray_PNG_keeps_its_values()
    {
        using var frame = Decode("gray16.png");

        Assert.That(frame.Values.BitsStored, Is.EqualTo(16));
        Assert.That(frame.Samples.ToArray(), Is.EqualTo(Gray.Select(v => v * 257 + 3)));
    }

    [TestCase("rgb.png")]
    [TestCase("rgba.png")]
    public void Colour_PNG_becomes_RGB_without_alpha(string name)
    {
        using var frame = Decode(name);

        Assert.That(frame.Color, Is.EqualTo(ColorModel.Rgb));
        Assert.That(frame.Samples[..6].ToArray(), Is.EqualTo(new float[] { 0, 0, 200, 50, 0, 200 }));
    }

    [Test]
    public void Palette_PNG_is_expanded_through_its_palette()
    {
        using var frame = Decode("palette.png");

        Assert.That(frame.Samples[..9].ToArray(), Is.EqualTo(new float[] { 0, 0, 0, 255, 0, 0, 0, 255, 0 }));
    }

    [Test]
    public void Colour_and_gray_JPEGs_decode_close_to_their_values()
    {
        using var rgb = Decode("rgb.jpg");
        using var gray = Decode("gray.jpg");

        Assert.That((rgb.Width, rgb.Height, rgb.Color), Is.EqualTo((64, 48, ColorModel.Rgb)));
        Assert.That(rgb.Samples[..3].ToArray(), Is.EqualTo(new float[] { 10, 120, 240 }).Within(3));
        Assert.That(gray.Color, Is.EqualTo(ColorModel.Monochrome2));
        Assert.That(gray.Samples.ToArray(), Is.All.EqualTo(77).Within(2));
    }

    [TestCase("gray8.png")]
    [TestCase("rgb.jpg")]
    public void A_truncated_file_is_a_typed_error(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(_folder, name));

        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(bytes.AsSpan(0, bytes.Length * 2 / 3)));

        Assert.That(error!.Failure, Is.AnyOf(ImageDecodeFailure.Corrupt, ImageDecodeFailure.NotAnImage));
    }

    [Test]
    public void Text_is_not_an_image()
    {
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode("hello, world"u8));

        Assert.That(error!.Failure, Is.EqualTo(ImageDecodeFailure.NotAnImage));
    }

    [Test]
    public void An_image_above_the_pixel_limit_is_TooLarge()
    {
        var bytes = File.ReadAllBytes(Path.Combine(_folder, "rgb.jpg"));

        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(bytes, maxPixels: 100));

        Assert.That(error!.Failure, Is.EqualTo(ImageDecodeFailure.TooLarge));
    }

    [Test]
    public void The_formats_are_told_apart_by_their_first_bytes()
    {
        Assert.That(ImageFormatSniffer.Detect(File.ReadAllBytes(Path.Combine(_folder, "rgb.png"))), Is.EqualTo(ImageFormat.Png));
        Assert.That(ImageFormatSniffer.Detect(File.ReadAllBytes(Path.Combine(_folder, "rgb.jpg"))), Is.EqualTo(ImageFormat.Jpeg));
        Assert.That(ImageFormatSniffer.Detect([.. new byte[128], .. "DICM"u8.ToArray()]), Is.EqualTo(ImageFormat.Dicom));
        Assert.That(ImageFormatSniffer.Detect("GIF89a"u8), Is.EqualTo(ImageFormat.Unknown));
    }

    [Test]
    public void A_rendered_grayscale_PNG_decodes_back_to_its_values()
    {
        var png = GrayscalePng.Encode([0f, 0.5f, 1f, 0.2f], 2, 2);

        using var frame = ImageDecoder.Decode(png);

        Assert.That(frame.Samples.ToArray(), Is.EqualTo(new float[] { 0, 128, 255, 51 }));
    }

    private ImageFrame Decode(string name) => ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(_folder, name)));
}
