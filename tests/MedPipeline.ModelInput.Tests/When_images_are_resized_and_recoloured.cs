using MedPipeline.Imaging;

namespace MedPipeline.ModelInput.Tests;

public sealed class When_images_are_resized_and_recoloured
{
    private static readonly PixelValueInfo Unit = new() { BitsStored = 16, IsDicom = true, WindowCenter = 0.5, WindowWidth = 1 };

    [Test]
    public void Area_downscaling_four_by_four_to_two_by_two_averages_blocks()
    {
        using var frame = Frames.Make(4, 4, [0, 2, 4, 6, 2, 4, 6, 8, 10, 10, 20, 20, 10, 10, 20, 40]);

        var output = Frames.Run(frame, Frames.Spec(2, 2));

        Assert.That(output.Select(v => v * 40), Is.EqualTo(new[] { 2f, 6, 10, 25 }).Within(1e-4));
    }

    [Test]
    public void Area_downscaling_by_a_non_integer_factor_weights_partial_pixels()
    {
        using var frame = Frames.Make(3, 1, [0, 30, 60]);

        var output = Frames.Run(frame, Frames.Spec(2, 1));

        Assert.That(output.Select(v => v * 60), Is.EqualTo(new[] { 30f * 0.5f / 1.5f, 30 * 0.5f / 1.5f + 60 / 1.5f }).Within(1e-4));
    }

    [Test]
    public void Upscaling_interpolates_linearly_with_half_pixel_centres()
    {
        using var frame = Frames.Make(2, 1, [0, 100]);

        var output = Frames.Run(frame, Frames.Spec(4, 1));

        Assert.That(output, Is.EqualTo(new[] { 0, 0.25f, 0.75f, 1 }).Within(1e-6));
    }

    [Test]
    public void A_constant_image_stays_constant_at_any_size()
    {
        using var frame = Frames.Make(7, 5, [.. Enumerable.Repeat(3f, 35)], values: new PixelValueInfo { BitsStored = 4, IsDicom = true, WindowCenter = 8, WindowWidth = 16 });

        foreach (var (w, h) in new[] { (3, 2), (2, 5), (11, 13), (1, 1) })
        {
            var output = Frames.Run(frame, Frames.Spec(w, h, new WindowingSpec { Rule = WindowingRule.Dicom }));
            Assert.That(output, Is.All.EqualTo((float)((3 - 7.5) / 15 + 0.5)).Within(1e-5), $"{w}x{h}");
        }
    }

    [Test]
    public void Area_downscaling_equals_a_direct_area_integral_on_random_data()
    {
        var random = new Random(9);
        var samples = Enumerable.Range(0, 37 * 23).Select(_ => (float)random.NextDouble()).ToArray();
        using var frame = Frames.Make(37, 23, samples, values: Unit with { WindowCenter = 0.5, WindowWidth = 3 });

        var output = Frames.Run(frame, Frames.Spec(10, 7, new WindowingSpec { Rule = WindowingRule.Dicom }));

        // Window 0.5/3 maps s in [0, 1) to s / 2 + 0.5 (never clipped).
        var windowed = samples.Select(s => s / 2 + 0.5f).ToArray();
        Assert.That(output, Is.EqualTo(Reference.Area(windowed, 37, 23, 10, 7)).Within(1e-5));
    }

    [Test]
    public void RGB_becomes_luminance_for_a_gray_model()
    {
        using var frame = Frames.Make(1, 1, [255, 0, 0], ColorModel.Rgb, PixelValueInfo.ForNonDicom(8));

        Assert.That(Frames.Run(frame, Frames.Spec(1, 1, new WindowingSpec { Rule = WindowingRule.Fixed, Center = 0, Width = 1 })),
            Is.EqualTo(new[] { 0.299f }).Within(1e-6));
    }

    [Test]
    public void Gray_is_replicated_into_three_planes_in_C_H_W_order_for_an_RGB_model()
    {
        using var frame = Frames.Make(2, 1, [0, 100]);

        var output = Frames.Run(frame, Frames.Spec(2, 1, channels: ChannelHandling.Rgb));

        Assert.That(output, Is.EqualTo(new[] { 0f, 1, 0, 1, 0, 1 }));
    }

    [Test]
    public void RGB_stays_in_planes_for_an_RGB_model()
    {
        using var frame = Frames.Make(2, 1, [255, 0, 51, 0, 255, 102], ColorModel.Rgb, PixelValueInfo.ForNonDicom(8));

        var output = Frames.Run(frame, Frames.Spec(2, 1, new WindowingSpec { Rule = WindowingRule.Fixed, Center = 0, Width = 1 }, channels: ChannelHandling.Rgb));

        Assert.That(output, Is.EqualTo(new[] { 1, 0, 0, 1, 0.2f, 0.4f }).Within(1e-6));
    }

    [Test]
    public void A_batch_is_written_frame_after_frame()
    {
        using var a = Frames.Make(1, 1, [0]);
        using var b = Frames.Make(1, 1, [5], values: new PixelValueInfo { BitsStored = 16, IsDicom = true, WindowCenter = 5.5, WindowWidth = 2 });
        var batch = new float[2];

        var summaries = ImagePreprocessor.PreprocessBatch([a, b], Frames.Spec(1, 1, new WindowingSpec { Rule = WindowingRule.Dicom }), batch);

        Assert.That(summaries.Select(s => s.Windowing), Is.EqualTo(new[] { "minmax", "file window" }));
        Assert.That(batch[1], Is.EqualTo(0.5f).Within(1e-6));
    }
}
