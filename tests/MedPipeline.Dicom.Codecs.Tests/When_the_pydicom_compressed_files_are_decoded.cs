using System.Globalization;
using MedPipeline.Dicom.Codecs;
using MedPipeline.Testing.Corpus;

namespace MedPipeline.Dicom.Codecs.Tests;

/// <summary>Every JPEG-family and JPEG 2000 file of pydicom's corpus, decoded by GDCM in codec processes.</summary>
public sealed class When_the_pydicom_compressed_files_are_decoded
{
    private string _folder = "";
    private PydicomReference _reference = null!;
    private CodecProcessPool _pool = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _folder = Directory.CreateTempSubdirectory("medpipe-pydicom-").FullName;
        _reference = PydicomReference.Create(_folder);
        _pool = new CodecProcessPool(new CodecPoolOptions());
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _pool.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task They_decode_to_pydicoms_pixels_or_fail_typed()
    {
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var mismatches = new List<string>();
        var compressed = 0;
        foreach (var entry in _reference.Entries)
        {
            DicomDataset dataset;
            try
            {
                dataset = await DicomFile.ReadAsync(entry.Path);
            }
            catch (DicomReadException)
            {
                continue;
            }

            if (!_pool.SupportedTransferSyntaxes.Contains(dataset.TransferSyntax.Uid))
            {
                continue;
            }

            compressed++;
            var outcome = await OutcomeAsync(dataset, entry, mismatches);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        foreach (var (outcome, count) in outcomes)
        {
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count,4}  {outcome}"));
        }

        Assert.That(compressed, Is.GreaterThanOrEqualTo(20));
        Assert.That(mismatches, Is.Empty);
        Assert.That(outcomes.Keys, Has.None.Contains("untyped"));
        Assert.That(outcomes.Where(o => o.Key.StartsWith("decoded", StringComparison.Ordinal)).Sum(o => o.Value), Is.GreaterThanOrEqualTo(15));
    }

    private async Task<string> OutcomeAsync(DicomDataset dataset, ReferenceEntry entry, List<string> mismatches)
    {
        try
        {
            var frames = await dataset.DecodeFramesAsync(_pool);
            try
            {
                if (entry.Status != "pixels")
                {
                    return "decoded (pydicom could not: no reference)";
                }

                var lossy = dataset.TransferSyntax.Uid is "1.2.840.10008.1.2.4.50" or "1.2.840.10008.1.2.4.51" or "1.2.840.10008.1.2.4.81" or "1.2.840.10008.1.2.4.91";
                var (difference, mean) = Compare(frames, _reference.Pixels(entry), entry.Shape!);
                var allowed = lossy ? 0.02 * Math.Pow(2, dataset.Image.BitsStored ?? 8) : 0;
                if (double.IsInfinity(difference) || (lossy ? mean : difference) > allowed)
                {
                    mismatches.Add(string.Create(CultureInfo.InvariantCulture, $"{entry.Name}: max {difference}, mean {mean:F3} (allowed {allowed})"));
                }

                return lossy ? "decoded, close to pydicom (lossy)" : "decoded, equal to pydicom (lossless)";
            }
            finally
            {
                foreach (var frame in frames)
                {
                    frame.Dispose();
                }
            }
        }
        catch (DicomReadException e)
        {
            return $"typed error: {e.Reason}";
        }
        catch (Exception e)
        {
            return $"untyped: {entry.Name}: {e.GetType().Name}: {e.Message}";
        }
    }

    private static (double Max, double Mean) Compare(IReadOnlyList<Imaging.ImageFrame> frames, double[] expected, int[] shape)
    {
        var perFrame = shape[1] * shape[2] * shape[3];
        if (frames.Count != shape[0] || frames.Any(f => f.Samples.Length != perFrame))
        {
            return (double.PositiveInfinity, double.PositiveInfinity);
        }

        double max = 0, sum = 0;
        for (var f = 0; f < frames.Count; f++)
        {
            var samples = frames[f].Samples;
            for (var i = 0; i < perFrame; i++)
            {
                var d = Math.Abs(samples[i] - (float)expected[f * perFrame + i]);
                max = Math.Max(max, d);
                sum += d;
            }
        }

        return (max, sum / (perFrame * frames.Count));
    }
}
