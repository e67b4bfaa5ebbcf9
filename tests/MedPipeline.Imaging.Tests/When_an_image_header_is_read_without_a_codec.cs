namespace MedPipeline.Imaging.Tests;

/// <summary>The gateway's budget check before a file goes to a codec child: managed header reading must agree with the codecs.</summary>
public sealed class When_an_image_header_is_read_without_a_codec
{
    private string _folder = "";

    [OneTimeSetUp]
    public void MakeImages() => _folder = TestImages.Make("medpipe-headers-");

    [OneTimeTearDown]
    public void DeleteImages() => Directory.Delete(_folder, recursive: true);

    [TestCase("gray8.png")]
    [TestCase("gray16.png")]
    [TestCase("rgb.png")]
    [TestCase("rgba.png")]
    [TestCase("palette.png")]
    [TestCase("rgb.jpg")]
    [TestCase("gray.jpg")]
    public void It_declares_the_layout_the_codec_decodes(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(_folder, name));

        var declared = ImageHeaderReader.Read(ImageFormatSniffer.Detect(bytes), bytes);

        Assert.That(declared, Is.EqualTo(ImageDecoder.DecodePacked(bytes).Layout));
    }

    [Test]
    public void A_PNG_cut_inside_its_header_is_not_an_image()
    {
        var bytes = File.ReadAllBytes(Path.Combine(_folder, "gray8.png"));

        var error = Assert.Throws<ImageDecodeException>(() => ImageHeaderReader.Read(ImageFormat.Png, bytes.AsSpan(0, 20)));

        Assert.That(error!.Failure, Is.EqualTo(ImageDecodeFailure.NotAnImage));
    }

    private static IEnumerable<TestCaseData> BrokenJpegs()
    {
        yield return new TestCaseData((object)new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 }).SetName("Start_and_end_markers_only");
        yield return new TestCaseData((object)new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01, 0xFF, 0xC0 }).SetName("A_segment_shorter_than_its_length_field");
        yield return new TestCaseData((object)new byte[] { 0xFF, 0xD8, 0x12, 0x34 }).SetName("No_marker_after_the_start");
        yield return new TestCaseData((object)new byte[] { 0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x00, 0x00, 0x10, 0x01 }).SetName("A_frame_header_of_zero_rows");
        yield return new TestCaseData((object)new byte[] { 0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 0x08 }).SetName("A_frame_header_cut_short");
    }

    [TestCaseSource(nameof(BrokenJpegs))]
    public void A_JPEG_without_a_usable_frame_header_is_not_an_image(byte[] jpeg)
    {
        var error = Assert.Throws<ImageDecodeException>(() => ImageHeaderReader.Read(ImageFormat.Jpeg, jpeg));

        Assert.That(error!.Failure, Is.EqualTo(ImageDecodeFailure.NotAnImage));
        Assert.That(error.Message, Does.StartWith("JPEG:"));
    }

    [Test]
    public void A_huge_declared_JPEG_is_over_the_budget_before_any_pixel_exists()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC2, 0x00, 0x11, 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0x03];

        var layout = ImageHeaderReader.Read(ImageFormat.Jpeg, jpeg);
        var error = Assert.Throws<ImageDecodeException>(() => DecodeBudget.Check("JPEG", layout, long.MaxValue, 256L << 20));

        Assert.That(layout, Is.EqualTo(new RasterLayout(65535, 65535, ColorModel.Rgb, 8)));
        Assert.That(error!.Failure, Is.EqualTo(ImageDecodeFailure.OverDecodeBudget));
    }
}
