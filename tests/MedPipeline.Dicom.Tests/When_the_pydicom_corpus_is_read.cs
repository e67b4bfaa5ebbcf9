using System.Globalization;
using MedPipeline.Testing;
using MedPipeline.Testing.Corpus;

namespace MedPipeline.Dicom.Tests;

public sealed class When_the_pydicom_corpus_is_read
{
    private string _folder = "";
    private PydicomReference _reference = null!;

    [OneTimeSetUp]
    public void DumpReference()
    {
        _folder = Directory.CreateTempSubdirectory("medpipe-pydicom-").FullName;
        _reference = PydicomReference.Create(_folder);
    }

    [OneTimeTearDown]
    public void DeleteReference() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void The_corpus_has_its_157_files() => Assert.That(_reference.Entries, Has.Count.EqualTo(157));

    [Test]
    public async Task Every_file_decodes_to_pydicoms_pixels_or_fails_with_a_typed_error()
    {
        var outcomes = new Dictionary<string, int>();
        var mismatches = new List<string>();
        foreach (var entry in _reference.Entries)
        {
            var outcome = await OutcomeOfAsync(entry, mismatches);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        foreach (var (outcome, count) in outcomes.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count,4}  {outcome}"));
        }

        Assert.That(mismatches, Is.Empty, "decoded pixels that differ from pydicom's");
        Assert.That(outcomes.Keys, Has.None.StartsWith("crash"), "only DicomReadException may come out of the reader");
        // pydicom decodes 75: 55 native/RLE equal here; 18 JPEG-family go to the codec pool, 2 are 1-bit (refused, typed).
        Assert.That(outcomes.GetValueOrDefault("decoded, equal to pydicom"), Is.GreaterThanOrEqualTo(55));
    }

    private async Task<string> OutcomeOfAsync(ReferenceEntry entry, List<string> mismatches)
    {
        var codec = new RecordingCodec();
        try
        {
            var dataset = await DicomFile.ReadAsync(entry.Path);
            var frames = await dataset.DecodeFramesAsync(codec);
            try
            {
                if (entry.Status != "pixels")
                {
                    return "decoded, pydicom could not (no reference)";
                }

                var difference = MaxDifference(frames, _reference.Pixels(entry), entry.Shape!);
                if (difference > (entry.Photometric!.StartsWith("YBR", StringComparison.Ordinal) ? 1.0 : 0.0))
                {
                    mismatches.Add(string.Create(CultureInfo.InvariantCulture, $"{entry.Name}: max difference {difference}"));
                }

                return "decoded, equal to pydicom";
            }
            finally
            {
                foreach (var frame in frames)
                {
                    frame.Dispose();
                }
            }
        }
        catch (DicomReadException e) when (codec.Frames.Count > 0)
        {
            Assert.That(codec.Frames[0].Data.Length, Is.GreaterThan(0), entry.Name);
            return $"delegated to the codec ({e.Reason})";
        }
        catch (DicomReadException e)
        {
            if (entry.Status == "pixels")
            {
                TestContext.Out.WriteLine($"pydicom decodes {entry.Name}; we refuse it: {e.Message}");
            }

            return $"typed error: {e.Reason}";
        }
        catch (Exception e)
        {
            return $"crash: {entry.Name}: {e.GetType().Name}: {e.Message}";
        }
    }

    private static double MaxDifference(IReadOnlyList<Imaging.ImageFrame> frames, double[] expected, int[] shape)
    {
        var perFrame = shape[1] * shape[2] * shape[3];
        if (frames.Count != shape[0] || frames.Any(f => f.Samples.Length != perFrame))
        {
            return double.PositiveInfinity;
        }

        var max = 0.0;
        for (var f = 0; f < frames.Count; f++)
        {
            var samples = frames[f].Samples;
            for (var i = 0; i < perFrame; i++)
            {
                // Frames hold float32 stored values: compare with the reference as float32 (exact below 2^24).
                max = Math.Max(max, Math.Abs(samples[i] - (float)expected[f * perFrame + i]));
            }
        }

        return max;
    }
}
