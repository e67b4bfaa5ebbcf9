namespace MedPipeline.ModelInput;

/// <summary>One float plane to another size with linear interpolation (half-pixel centres): how a model-sized map goes back to the source image's size.</summary>
public static class PlaneResize
{
    public static void Bilinear(ReadOnlySpan<float> source, int width, int height, int targetWidth, int targetHeight, Span<float> destination)
    {
        if (source.Length < width * height || destination.Length < targetWidth * targetHeight)
        {
            throw new ArgumentException($"a {width}×{height} plane to {targetWidth}×{targetHeight} needs {width * height} and {targetWidth * targetHeight} values");
        }

        var horizontal = ResizeKernel.Create(width, targetWidth, ResizeMethod.Bilinear);
        var vertical = ResizeKernel.Create(height, targetHeight, ResizeMethod.Bilinear);
        Resampler.Resize(source[..(width * height)], width, height, horizontal, vertical, targetWidth, destination[..(targetWidth * targetHeight)]);
    }
}
