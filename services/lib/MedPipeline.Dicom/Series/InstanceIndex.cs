namespace MedPipeline.Dicom.Series;

/// <summary>
/// What the Unpacker learned from each image header, in series order, kept beside the instances (claim
/// check) so the Preprocessor decodes pixel data straight away instead of parsing every header again.
/// </summary>
public sealed record InstanceIndex(IReadOnlyList<IndexedInstance> Instances)
{
    /// <summary>The images of an assembled series, in its order; each location is what the assembler read it from.</summary>
    public static InstanceIndex Of(SeriesAssembly series) =>
        new([.. series.Images.Select((image, i) => new IndexedInstance(i + 1, image.Path, image.Name, image.Bytes, image.Info, image.PixelData))]);
}
