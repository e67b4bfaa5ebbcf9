using MedPipeline.Imaging;

namespace MedPipeline.ModelInput.Tests;

public sealed class When_values_are_windowed
{
    private static readonly PixelValueInfo Ct = new() { BitsStored = 12, RescaleSlope = 1, RescaleIntercept = -1024, WindowCenter = 300, WindowWidth = 1500, IsDicom = true };

    [Test]
    public void A_fixed_Hounsfield_window_follows_the_DICOM_linear_function()
    {
        using var frame = Frames.Make(2, 2, [0, 1000, 1064, 2000], values: Ct);

        var output = Frames.Run(frame, Frames.Spec(2, 2, new WindowingSpec { Rule = WindowingRule.Fixed, Center = 40, Width = 400 }));

        Assert.That(output, Is.EqualTo(new[] { 0f, (float)((-24 - 39.5) / 399 + 0.5), (float)(0.5 / 399 + 0.5), 1f }).Within(1e-6));
    }

    [Test]
    public void The_dicom_rule_uses_the_files_own_window()
    {
        using var frame = Frames.Make(2, 1, [1024 + 300, 1024 + 1100], values: Ct);

        var output = Frames.Run(frame, Frames.Spec(2, 1, new WindowingSpec { Rule = WindowingRule.Dicom }));

        Assert.That(output, Is.EqualTo(new[] { (float)(0.5 / 1499 + 0.5), 1f }).Within(1e-6));
    }

    [Test]
    public void The_dicom_rule_falls_back_to_min_max_without_a_file_window()
    {
        using var frame = Frames.Make(4, 1, [10, 20, 30, 50], values: Ct with { WindowCenter = null, WindowWidth = null });

        Assert.That(Frames.Run(frame, Frames.Spec(4, 1, new WindowingSpec { Rule = WindowingRule.Dicom })), Is.EqualTo(new[] { 0, 0.25f, 0.5f, 1 }).Within(1e-6));
    }

    [Test]
    public void Min_max_uses_the_frames_own_range()
    {
        using var frame = Frames.Make(4, 1, [-10, 0, 10, 30], values: new PixelValueInfo { BitsStored = 16, IsSigned = true, IsDicom = true });

        Assert.That(Frames.Run(frame, Frames.Spec(4, 1)), Is.EqualTo(new[] { 0, 0.25f, 0.5f, 1 }).Within(1e-6));
    }

    [Test]
    public void A_PNG_under_a_fixed_rule_maps_its_full_bit_depth()
    {
        using var frame = Frames.Make(3, 1, [0, 51, 255], values: PixelValueInfo.ForNonDicom(8));

        var output = Frames.Run(frame, Frames.Spec(3, 1, new WindowingSpec { Rule = WindowingRule.Fixed, Center = 40, Width = 400 }));

        Assert.That(output, Is.EqualTo(new[] { 0, 0.2f, 1 }).Within(1e-6));
    }

    [Test]
    public void MONOCHROME1_is_inverted_after_windowing()
    {
        using var frame = Frames.Make(4, 1, [10, 20, 30, 50], ColorModel.Monochrome1);

        Assert.That(Frames.Run(frame, Frames.Spec(4, 1)), Is.EqualTo(new[] { 1, 0.75f, 0.5f, 0 }).Within(1e-6));
    }

    [Test]
    public void Mean_and_std_normalisation_applies_per_channel()
    {
        using var frame = Frames.Make(2, 1, [0, 100]);
        var spec = Frames.Spec(2, 1, normalization: new NormalizationSpec { Kind = NormalizationKind.MeanStd, Mean = [0.5], Std = [0.25] });

        Assert.That(Frames.Run(frame, spec), Is.EqualTo(new[] { -2f, 2f }).Within(1e-6));
    }

    [Test]
    public void A_range_normalisation_maps_zero_one_onto_min_max()
    {
        using var frame = Frames.Make(2, 1, [0, 100]);
        var spec = Frames.Spec(2, 1, normalization: new NormalizationSpec { Kind = NormalizationKind.Range, Min = -1, Max = 1 });

        Assert.That(Frames.Run(frame, spec), Is.EqualTo(new[] { -1f, 1f }).Within(1e-6));
    }
}
