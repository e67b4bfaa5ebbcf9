using MedPipeline.ModelInput;
using MedPipeline.ModelRunner;
using MedPipeline.ModelRunner.Heatmaps;

namespace MedPipeline.Models.Tests.Heatmaps;

/// <summary>The pure parts of a heatmap: error map, occlusion grid and map, colour ramp and overlay.</summary>
public sealed class When_a_heatmap_is_computed
{
    [Test]
    public void The_error_map_is_the_squared_difference_per_pixel_averaged_over_channels()
    {
        float[] input = [0.0f, 0.5f, 1.0f, 0.25f, /* second channel */ 1.0f, 0.5f, 0.0f, 0.25f];
        float[] reconstruction = [0.5f, 0.5f, 0.0f, 0.0f, /* second channel */ 1.0f, 0.0f, 0.5f, 0.75f];

        var map = ReconstructionErrorMap.Compute(input, reconstruction, channels: 2, pixels: 4);

        // (0.25 + 0) / 2, (0 + 0.25) / 2, (1 + 0.25) / 2, (0.0625 + 0.25) / 2
        Assert.That(map, Is.EqualTo(new[] { 0.125f, 0.125f, 0.625f, 0.15625f }).Within(1e-6f));
    }

    [Test]
    public void A_64_pixel_input_is_occluded_by_8_pixel_patches_every_4_pixels_reaching_both_edges()
    {
        var grid = OcclusionGrid.For(64, 64);
        var positions = grid.Positions();

        Assert.That((grid.Patch, grid.Stride), Is.EqualTo((8, 4)));
        Assert.That(positions, Has.Count.EqualTo(15 * 15));
        Assert.That(positions[^1], Is.EqualTo((56, 56)));
    }

    [Test]
    public void Each_copy_has_exactly_its_patch_replaced_by_the_mean()
    {
        float[] row = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
        var grid = new OcclusionGrid(4, 4, Patch: 2, Stride: 2);

        var copies = OcclusionSensitivity.Copies(row, channels: 1, grid);

        Assert.That(copies, Has.Length.EqualTo(4 * 16));
        var last = copies.AsSpan(3 * 16, 16).ToArray();
        Assert.That(last, Is.EqualTo(new float[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 8.5f, 8.5f, 13, 14, 8.5f, 8.5f }));
    }

    [Test]
    public void The_occlusion_map_averages_the_drops_of_the_patches_over_each_pixel_and_ignores_rises()
    {
        var grid = new OcclusionGrid(3, 2, Patch: 2, Stride: 1);

        var map = OcclusionSensitivity.Map(baseline: 0.8f, occluded: [0.2f, 0.9f], grid);

        // Column 0: patch 0 only (drop 0.6); column 1: patches 0 and 1 ((0.6 + 0) / 2); column 2: patch 1 (a rise, 0).
        Assert.That(map, Is.EqualTo(new[] { 0.6f, 0.3f, 0f, 0.6f, 0.3f, 0f }).Within(1e-6f));
    }

    [Test]
    public void The_colour_ramp_runs_from_near_black_to_pale_yellow_and_clamps_outside()
    {
        Assert.That(HeatmapColors.Color(0), Is.EqualTo(((byte)0, (byte)0, (byte)4)));
        Assert.That(HeatmapColors.Color(1), Is.EqualTo(((byte)252, (byte)255, (byte)164)));
        Assert.That(HeatmapColors.Color(-3), Is.EqualTo(HeatmapColors.Color(0)));
        Assert.That(HeatmapColors.Color(7), Is.EqualTo(HeatmapColors.Color(1)));
        var brightness = Enumerable.Range(0, 11).Select(i => HeatmapColors.Color(i / 10f)).Select(c => 0.299 * c.R + 0.587 * c.G + 0.114 * c.B).ToList();
        Assert.That(brightness, Is.Ordered.Ascending);
    }

    [Test]
    public void A_cold_pixel_shows_the_source_gray_and_the_hottest_is_mostly_colour()
    {
        var source = new DisplayImage([100, 100], 2, 1);

        var rgb = HeatmapColors.Overlay(source, [0f, 1f]);

        Assert.That(rgb[..3], Is.EqualTo(new byte[] { 100, 100, 100 }));
        var expected = new[] { 252, 255, 164 }.Select(c => (byte)Math.Round(100 + (c - 100) * HeatmapColors.MaxAlpha)).ToArray();
        Assert.That(rgb[3..], Is.EqualTo(expected));
    }

    [Test]
    public void A_map_is_scaled_by_its_maximum_and_an_empty_one_stays_zero()
    {
        float[] map = [0, 2, 4];
        float[] flat = [0, 0];

        HeatmapColors.NormalizeByMax(map);
        HeatmapColors.NormalizeByMax(flat);

        Assert.That(map, Is.EqualTo(new[] { 0f, 0.5f, 1f }));
        Assert.That(flat, Is.EqualTo(new[] { 0f, 0f }));
    }

    [Test]
    public void A_model_with_only_its_MSE_output_has_no_heatmap()
    {
        var manifest = new Manifest.ModelManifest { ModelType = "mse-only", Task = Manifest.ModelTask.Anomaly, Outputs = new Dictionary<string, string> { ["reconstructionMse"] = "mse" } };

        var refused = Assert.Throws<PredictionException>(() => HeatmapMaker.EnsureAvailable(manifest));

        Assert.That(refused!.Error, Is.EqualTo(PredictionError.HeatmapUnavailable));
        Assert.That(refused.Message, Does.Contain("mse-only").And.Contain("reconstruction"));
    }
}
