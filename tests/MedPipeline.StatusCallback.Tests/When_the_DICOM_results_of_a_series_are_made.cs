using MedPipeline.Contracts;
using MedPipeline.Dicom;
using MedPipeline.Dicom.Reports;
using MedPipeline.Dicom.Series;
using MedPipeline.Dicom.Writing;
using MedPipeline.StatusCallback.DicomOutput;
using MedPipeline.StatusCallback.Options;
using MedPipeline.Storage;
using MedPipeline.Testing;

namespace MedPipeline.StatusCallback.Tests;

/// <summary>The maker over a real store: the source instances and their index as the Unpacker leaves them, a heatmap PNG beside them.</summary>
public sealed class When_the_DICOM_results_of_a_series_are_made
{
    private const string Root = "1.2.826.0.1.3680043.10";
    private string _folder = null!;
    private FileSystemStore _store = null!;

    [SetUp]
    public void MakeStore()
    {
        _folder = Directory.CreateTempSubdirectory("medpipe-results-store-").FullName;
        _store = new FileSystemStore(_folder);
    }

    [TearDown]
    public void RemoveStore() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task An_anomaly_result_gets_an_SR_over_every_image_and_an_image_per_heatmap()
    {
        var command = await SeriesAsync(3) with
        {
            Prediction = Prediction() with { ReconstructionMse = 0.02, Threshold = 0.01, IsAnomaly = true, Instances = Flagged("1.2.3.4.5.6.2") },
            Heatmaps = [new InstanceHeatmap { SopInstanceUid = "1.2.3.4.5.6.2", StoreKey = await HeatmapAsync(), Width = 4, Height = 3 }],
        };

        var made = await Maker().MakeAsync(command, CancellationToken.None);

        Assert.That(made.Failure, Is.Null);
        Assert.That(made.Report.SopInstanceUid, Does.StartWith(Root + "."));
        var sr = DicomFile.Read(made.Report.Bytes, "sr.dcm");
        Assert.That(sr.GetString(DicomTag.StudyInstanceUid), Is.EqualTo("1.2.3.4.5"), "in the source study");
        Assert.That(sr.GetString(DicomTag.SeriesInstanceUid), Is.EqualTo(made.SeriesInstanceUid));
        var image = DicomFile.Read(made.Images.Single().Bytes, "sc.dcm");
        Assert.That(image.GetString(DicomTag.PhotometricInterpretation), Is.EqualTo("RGB"));
        Assert.That((image.Image.Rows, image.Image.Columns), Is.EqualTo((3, 4)));
        Assert.That(image.GetString(DicomTag.SeriesInstanceUid), Is.Not.EqualTo(made.SeriesInstanceUid), "images and the SR are separate series");
    }

    [Test]
    public async Task The_same_command_again_makes_the_same_UIDs_so_a_PACS_keeps_one_copy()
    {
        var command = await SeriesAsync(2);
        var other = command with { AttemptId = Guid.NewGuid() };

        var (first, again, next) = (await Maker().MakeAsync(command, CancellationToken.None), await Maker().MakeAsync(command, CancellationToken.None),
            await Maker().MakeAsync(other, CancellationToken.None));

        Assert.That(again.Report.SopInstanceUid, Is.EqualTo(first.Report.SopInstanceUid));
        Assert.That(again.SeriesInstanceUid, Is.EqualTo(first.SeriesInstanceUid));
        Assert.That(next.Report.SopInstanceUid, Is.Not.EqualTo(first.Report.SopInstanceUid), "a new attempt is a new report");
        Assert.That(first.Report.SopInstanceUid, Has.Length.LessThanOrEqualTo(64));
    }

    [Test]
    public async Task A_classifier_result_gets_the_SR_only_even_with_heatmaps()
    {
        var command = await SeriesAsync(2) with
        {
            Heatmaps = [new InstanceHeatmap { SopInstanceUid = "1.2.3.4.5.6.1", StoreKey = await HeatmapAsync(), Width = 4, Height = 3 }],
        };

        var made = await Maker().MakeAsync(command, CancellationToken.None);

        Assert.That(made.Images, Is.Empty);
        Assert.That(made.All.Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_heatmap_of_no_image_of_the_series_is_skipped_and_named()
    {
        var command = await SeriesAsync(1) with
        {
            Prediction = Prediction() with { ReconstructionMse = 0.02, IsAnomaly = true, Instances = Flagged("9.9.9") },
            Heatmaps = [new InstanceHeatmap { SopInstanceUid = "9.9.9", StoreKey = await HeatmapAsync(), Width = 4, Height = 3 }],
        };

        var made = await Maker().MakeAsync(command, CancellationToken.None);

        Assert.That(made.Images, Is.Empty);
        Assert.That(made.Failure, Is.EqualTo("1 heatmap(s) not made into images (heatmap 1: not of an image of this series)"));
    }

    [Test]
    public async Task A_heatmap_of_a_frame_under_the_threshold_gets_no_image()
    {
        var command = await SeriesAsync(3) with
        {
            Prediction = Prediction() with
            {
                ReconstructionMse = 0.02, Threshold = 0.01, IsAnomaly = true,
                Instances = [.. Flagged("1.2.3.4.5.6.2"), new InstancePrediction { SopInstanceUid = "1.2.3.4.5.6.1", ReconstructionMse = 0.005, IsAnomaly = false }],
            },
            Heatmaps =
            [
                new InstanceHeatmap { SopInstanceUid = "1.2.3.4.5.6.2", StoreKey = await HeatmapAsync(), Width = 4, Height = 3 },
                new InstanceHeatmap { SopInstanceUid = "1.2.3.4.5.6.1", StoreKey = await HeatmapAsync(), Width = 4, Height = 3 },
            ],
        };

        var made = await Maker().MakeAsync(command, CancellationToken.None);

        Assert.That(made.Images, Has.Count.EqualTo(1), "the flagged frame's heatmap only");
        Assert.That(made.Failure, Is.Null, "a frame under the threshold is no failure");
    }

    private static InstancePrediction[] Flagged(string sopInstanceUid) =>
        [new InstancePrediction { SopInstanceUid = sopInstanceUid, ReconstructionMse = 0.02, IsAnomaly = true }];

    private DicomResultsMaker Maker() =>
        new(_store, Microsoft.Extensions.Options.Options.Create(new DicomResultsOptions { UidRoot = Root }), TimeProvider.System);

    private static SeriesPrediction Prediction() => new()
    {
        Model = new ModelInfo { ModelType = "xray-anomaly", Name = "X-ray autoencoder", Version = "2.0.0", Sha256 = new string('b', 64) },
    };

    /// <summary>Instances and their index where the Unpacker writes them.</summary>
    private async Task<BuildDicomResults> SeriesAsync(int count)
    {
        var (correlation, attempt) = (Guid.NewGuid(), Guid.NewGuid());
        var prefix = StoreLayout.Instances(correlation, attempt);
        var keys = new List<(string Name, string Key)>();
        for (var i = 1; i <= count; i++)
        {
            var key = StoreLayout.Instance(prefix, i);
            var bytes = new SyntheticDicom
            {
                SopInstanceUid = $"1.2.3.4.5.6.{i}", StudyInstanceUid = "1.2.3.4.5", SeriesInstanceUid = "1.2.3.4.5.6", Modality = "CR",
                SopClassUid = SyntheticDicom.CrImageStorage, InstanceNumber = i, Rows = 3, Columns = 4, Pixels = new int[12],
            }.ToBytes();
            await _store.WriteAsync(key, new MemoryStream(bytes), null, CancellationToken.None);
            keys.Add(($"{i}.dcm", key));
        }

        var series = await SeriesAssembler.AssembleAsync(keys, _store.OpenRead);
        await StoredJson.WriteAsync(_store, StoreLayout.InstanceIndexOf(prefix), InstanceIndex.Of(series), CancellationToken.None);
        return new BuildDicomResults { CorrelationId = correlation, AttemptId = attempt, InstancesKey = prefix, Prediction = Prediction() };
    }

    private async Task<string> HeatmapAsync()
    {
        var key = $"series/{Guid.NewGuid():N}/heatmaps/1.png";
        var png = TestPng.Rgb(4, 3, [.. Enumerable.Range(0, 36).Select(i => (byte)(i * 5))]);
        await _store.WriteAsync(key, new MemoryStream(png), null, CancellationToken.None);
        return key;
    }
}
