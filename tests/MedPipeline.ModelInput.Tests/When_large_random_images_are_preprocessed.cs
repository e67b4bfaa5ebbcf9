using MedPipeline.Imaging;

namespace MedPipeline.ModelInput.Tests;

/// <summary>
/// The vectorised LUT, window and resize against <see cref="ScalarReference"/> on 512×512 16-bit images with
/// random rescale and window: equal within 1e-5 wherever the window or the kernel falls.
/// </summary>
public sealed class When_large_random_images_are_preprocessed
{
    private const int Size = 512;

    [TestCase(1, 64, 64, ResizeMethod.Area, false)]
    [TestCase(2, 64, 64, ResizeMethod.Area, true)]
    [TestCase(3, 100, 90, ResizeMethod.Area, false)]
    [TestCase(4, 256, 256, ResizeMethod.Bilinear, false)]
    [TestCase(5, 600, 520, ResizeMethod.Area, true)]
    public void A_fixed_window_matches_the_scalar_reference(int seed, int targetWidth, int targetHeight, ResizeMethod resize, bool monochrome1)
    {
        var random = new Random(seed);
        var samples = RandomSamples(random);
        var (slope, intercept) = (0.25 + random.NextDouble() * 4, -3000 + random.NextDouble() * 4000);
        var center = intercept + slope * random.Next(0, 65536);
        var width = slope * (500 + random.NextDouble() * 20000);
        using var frame = Frames.Make(Size, Size, samples, monochrome1 ? ColorModel.Monochrome1 : ColorModel.Monochrome2,
            new PixelValueInfo { BitsStored = 16, IsDicom = true, RescaleSlope = slope, RescaleIntercept = intercept });
        var spec = Frames.Spec(targetWidth, targetHeight, new WindowingSpec { Rule = WindowingRule.Fixed, Center = center, Width = width }, resize) with
        {
            InvertMonochrome1 = true,
        };

        var output = Frames.Run(frame, spec);

        var windowed = ScalarReference.FixedWindow(samples, slope, intercept, center, width, invert: monochrome1);
        Assert.That(windowed.Count(v => v is > 0 and < 1), Is.GreaterThan(1000), "the window must cut through the image, not saturate it");
        Assert.That(output, Is.EqualTo(Resized(windowed, targetWidth, targetHeight, resize)).Within(1e-5));
    }

    [TestCase(6, ResizeMethod.Area)]
    [TestCase(7, ResizeMethod.Bilinear)]
    public void A_min_max_window_matches_the_scalar_reference(int seed, ResizeMethod resize)
    {
        var random = new Random(seed);
        var samples = RandomSamples(random);
        var (slope, intercept) = (-2 + random.NextDouble() * 4, -3000 + random.NextDouble() * 4000);
        using var frame = Frames.Make(Size, Size, samples,
            values: new PixelValueInfo { BitsStored = 16, IsDicom = true, RescaleSlope = slope, RescaleIntercept = intercept });

        var output = Frames.Run(frame, Frames.Spec(64, 64, new WindowingSpec { Rule = WindowingRule.MinMax }, resize));

        Assert.That(output, Is.EqualTo(Resized(ScalarReference.MinMaxWindow(samples, slope, intercept), 64, 64, resize)).Within(1e-5));
    }

    private static float[] RandomSamples(Random random) => [.. Enumerable.Range(0, Size * Size).Select(_ => (float)random.Next(0, 65536))];

    private static float[] Resized(float[] plane, int targetWidth, int targetHeight, ResizeMethod resize) =>
        resize == ResizeMethod.Area && targetWidth < Size && targetHeight < Size
            ? Reference.Area(plane, Size, Size, targetWidth, targetHeight)
            : ScalarReference.Bilinear(plane, Size, Size, targetWidth, targetHeight);
}
