using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using MedPipeline.Dicom.Codecs;
using MedPipeline.Imaging;

namespace MedPipeline.Dicom.Codecs.Tests;

public sealed class When_an_uploaded_image_is_decoded_in_a_codec_child
{
    private string _folder = "";
    private CodecProcessPool _pool = null!;

    [OneTimeSetUp]
    public void MakeImages()
    {
        _folder = Directory.CreateTempSubdirectory("medpipe-uploads-").FullName;
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "make_uploads.py"));
        info.ArgumentList.Add(_folder);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"making test images needs Debian's python3-pil: {error}");
        _pool = new CodecProcessPool(new CodecPoolOptions());
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _pool.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [TestCase("gray8.png", ColorModel.Monochrome2, 8)]
    [TestCase("gray16.png", ColorModel.Monochrome2, 16)]
    [TestCase("gray-alpha.png", ColorModel.Monochrome2, 8)]
    [TestCase("rgb.png", ColorModel.Rgb, 8)]
    [TestCase("rgba.png", ColorModel.Rgb, 8)]
    [TestCase("palette.png", ColorModel.Rgb, 8)]
    [TestCase("gray.jpg", ColorModel.Monochrome2, 8)]
    [TestCase("rgb.jpg", ColorModel.Rgb, 8)]
    [TestCase("progressive.jpg", ColorModel.Rgb, 8)]
    public async Task It_gives_exactly_the_pixels_of_the_in_process_adapter(string name, ColorModel color, int bits)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_folder, name));
        using var local = ImageDecoder.Decode(bytes);

        using var isolated = await _pool.DecodeImageAsync(bytes, ImageDecoder.DefaultMaxPixels, long.MaxValue, CancellationToken.None);

        Assert.That((isolated.Width, isolated.Height, isolated.Color, isolated.Values.BitsStored), Is.EqualTo((97, 61, color, bits)));
        Assert.That((local.Width, local.Height, local.Color, local.Values), Is.EqualTo((isolated.Width, isolated.Height, isolated.Color, isolated.Values)));
        Assert.That(isolated.Samples.SequenceEqual(local.Samples), "sample by sample");
        Assert.That(_pool.WorkerPids, Is.Not.Empty, "a codec child did the work");
    }

    [Test]
    public async Task A_header_over_the_budget_is_refused_before_any_child_is_asked()
    {
        await using var pool = new CodecProcessPool(new CodecPoolOptions());

        var error = Assert.ThrowsAsync<ImageDecodeException>(() => pool.DecodeImageAsync(HugePng(60_000), ImageDecoder.DefaultMaxPixels * 100, 16L << 20, CancellationToken.None));
        var tooLarge = Assert.ThrowsAsync<ImageDecodeException>(() => pool.DecodeImageAsync(HugePng(60_000), 1_000_000, long.MaxValue, CancellationToken.None));

        Assert.That(error!.Failure, Is.EqualTo(ImageDecodeFailure.OverDecodeBudget));
        Assert.That(error.Message, Does.Contain("60000×60000").And.Contain("decode budget"));
        Assert.That(tooLarge!.Failure, Is.EqualTo(ImageDecodeFailure.TooLarge));
        Assert.That(pool.WorkerPids, Is.Empty, "no child was started for them");
    }

    [TestCase("gray8.png")]
    [TestCase("rgb.jpg")]
    public async Task A_truncated_file_is_the_codecs_typed_error_and_the_child_keeps_serving(string name)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_folder, name));

        var error = Assert.ThrowsAsync<ImageDecodeException>(() => _pool.DecodeImageAsync(bytes.AsMemory(0, bytes.Length * 2 / 3), ImageDecoder.DefaultMaxPixels, long.MaxValue, CancellationToken.None));

        Assert.That(error!.Failure, Is.AnyOf(ImageDecodeFailure.Corrupt, ImageDecodeFailure.NotAnImage));
        Assert.That(error.Message, Does.StartWith(name.EndsWith(".png", StringComparison.Ordinal) ? "PNG" : "JPEG"));
        using var good = await _pool.DecodeImageAsync(bytes, ImageDecoder.DefaultMaxPixels, long.MaxValue, CancellationToken.None);
        Assert.That(good.Width, Is.EqualTo(97));
    }

    [Test]
    public async Task A_child_that_aborts_on_an_image_is_DecoderCrashed_and_is_replaced()
    {
        var options = new CodecPoolOptions();
        options.WorkerEnvironment["MEDPIPE_CODEC_TEST_FAULT"] = "abort";
        await using var pool = new CodecProcessPool(options);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_folder, "gray8.png"));

        var error = Assert.ThrowsAsync<ImageDecodeException>(() => pool.DecodeImageAsync(bytes, ImageDecoder.DefaultMaxPixels, long.MaxValue, CancellationToken.None));

        Assert.That(error!.Failure, Is.EqualTo(ImageDecodeFailure.DecoderCrashed));
        Assert.That(error.Message, Does.Contain("SIGABRT"));
        Assert.That(pool.WorkerPids, Is.Empty, "the dead worker is not kept");
    }

    [Test]
    public async Task A_child_that_hangs_on_an_image_is_killed_at_the_time_limit()
    {
        var options = new CodecPoolOptions { RequestTimeout = TimeSpan.FromSeconds(2) };
        options.WorkerEnvironment["MEDPIPE_CODEC_TEST_FAULT"] = "hang";
        await using var pool = new CodecProcessPool(options);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_folder, "rgb.jpg"));
        var watch = Stopwatch.StartNew();

        var error = Assert.ThrowsAsync<ImageDecodeException>(() => pool.DecodeImageAsync(bytes, ImageDecoder.DefaultMaxPixels, long.MaxValue, CancellationToken.None));

        Assert.That(error!.Failure, Is.EqualTo(ImageDecodeFailure.DecoderTimedOut));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(pool.WorkerPids, Is.Empty, "the hung worker was killed");
    }

    [TestCase("wrong-layout", "the codec decoded 98×61")]
    [TestCase("short-samples", "bytes of samples")]
    public async Task An_answer_that_does_not_fit_the_declared_header_is_refused(string fault, string words)
    {
        var options = new CodecPoolOptions();
        options.WorkerEnvironment["MEDPIPE_CODEC_TEST_FAULT"] = fault;
        await using var pool = new CodecProcessPool(options);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_folder, "rgb.png"));

        var error = Assert.ThrowsAsync<ImageDecodeException>(() => pool.DecodeImageAsync(bytes, ImageDecoder.DefaultMaxPixels, long.MaxValue, CancellationToken.None));

        Assert.That(error!.Failure, Is.EqualTo(ImageDecodeFailure.Corrupt));
        Assert.That(error.Message, Does.Contain(words));
    }

    /// <summary>A gray 8-bit PNG header declaring side² pixels over a tiny zlib stream.</summary>
    private static byte[] HugePng(int side)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R']);
        var header = new byte[13 + 4];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)side);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)side);
        header[8] = 8;
        png.Write(header);
        using (var zlib = new ZLibStream(png, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[1024]);
        }

        return png.ToArray();
    }
}
