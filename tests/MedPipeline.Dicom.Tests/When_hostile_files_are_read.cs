using System.Diagnostics;
using System.Globalization;
using MedPipeline.Testing;

namespace MedPipeline.Dicom.Tests;

/// <summary>
/// A fixed-seed corpus of hostile files made from valid ones: truncations, flipped bytes, huge
/// lengths, unterminated and deeply nested sequences, bogus RLE headers and bogus JPEG fragments.
/// Every one must read or fail with a DicomReadException, quickly, and the process must survive.
/// </summary>
public sealed class When_hostile_files_are_read
{
    private const string PydicomFiles = "/usr/lib/python3/dist-packages/pydicom/data/test_files";

    [Test]
    public async Task Every_hostile_file_reads_or_fails_typed()
    {
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var untyped = new List<string>();
        var slowest = TimeSpan.Zero;
        foreach (var (name, bytes) in HostileCorpus())
        {
            var watch = Stopwatch.StartNew();
            var outcome = await OutcomeAsync(name, bytes, untyped);
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        foreach (var (outcome, count) in outcomes)
        {
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count,4}  {outcome}"));
        }

        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slowest file: {slowest.TotalMilliseconds:F0} ms"));
        Assert.That(untyped, Is.Empty);
        Assert.That(outcomes.Values.Sum(), Is.GreaterThanOrEqualTo(300));
        Assert.That(slowest, Is.LessThan(TimeSpan.FromSeconds(5)), "no hostile file may make the reader spin");
    }

    private static async Task<string> OutcomeAsync(string name, byte[] bytes, List<string> untyped)
    {
        try
        {
            var frames = await DicomFile.Read(bytes, name).DecodeFramesAsync(new RecordingCodec());
            foreach (var frame in frames)
            {
                frame.Dispose();
            }

            return "decoded";
        }
        catch (DicomReadException e)
        {
            return $"typed error: {e.Reason}";
        }
        catch (Exception e)
        {
            untyped.Add($"{name}: {e.GetType().Name}: {e.Message}");
            return "untyped exception";
        }
    }

    private static IEnumerable<(string Name, byte[] Bytes)> HostileCorpus()
    {
        var random = new Random(20261122);
        var seeds = new List<(string, byte[])>
        {
            ("ct", Synthetic.Ct(rows: 16, columns: 16).ToBytes()),
            ("ct-rle", Synthetic.Ct(rows: 16, columns: 16, frames: 2, rle: true).ToBytes()),
            ("rgb-rle", Synthetic.Rgb(rle: true).ToBytes()),
        };
        if (Directory.Exists(PydicomFiles))
        {
            seeds.AddRange(new[] { "CT_small.dcm", "MR_small_RLE.dcm", "ExplVR_BigEnd.dcm", "JPEG2000.dcm", "SC_rgb_jpeg_dcmtk.dcm", "emri_small.dcm" }
                .Select(f => Path.Combine(PydicomFiles, f)).Where(File.Exists).Select(p => (Path.GetFileName(p), File.ReadAllBytes(p))));
        }

        foreach (var (seedName, seed) in seeds)
        {
            for (var i = 0; i < 12; i++)
            {
                var cut = random.Next(1, seed.Length);
                yield return ($"{seedName}-truncated-{cut}", seed[..cut]);
            }

            for (var i = 0; i < 12; i++)
            {
                var copy = (byte[])seed.Clone();
                for (var k = 0; k < 1 + random.Next(8); k++)
                {
                    copy[random.Next(132, copy.Length)] ^= (byte)(1 << random.Next(8));
                }

                yield return ($"{seedName}-flipped-{i}", copy);
            }

            for (var i = 0; i < 8; i++)
            {
                var copy = (byte[])seed.Clone();
                var at = random.Next(132, copy.Length - 4);
                BitConverter.GetBytes(0xFFFFFFF0u - (uint)random.Next(16)).CopyTo(copy, at);
                yield return ($"{seedName}-huge-length-{i}", copy);
            }
        }

        yield return ("deep-sequences", DeepSequences(10_000));
        yield return ("unterminated-sequence", new RawDicom().Element(0x0008, 0x1032, "SQ", [], length: 0xFFFFFFFF).AsFile(TransferSyntax.ExplicitLittleUid));
        for (var i = 0; i < 25; i++)
        {
            yield return ($"bogus-rle-{i}", BogusEncapsulated(TransferSyntax.RleLosslessUid, random));
            yield return ($"bogus-jpeg-{i}", BogusEncapsulated("1.2.840.10008.1.2.4.50", random));
        }
    }

    private static byte[] DeepSequences(int depth)
    {
        var raw = new RawDicom();
        for (var i = 0; i < depth; i++)
        {
            raw.Element(0x0008, 0x1032, "SQ", [], length: 0xFFFFFFFF).Item(0xE000, 0xFFFFFFFF);
        }

        return raw.AsFile(TransferSyntax.ExplicitLittleUid);
    }

    private static byte[] BogusEncapsulated(string syntax, Random random)
    {
        var fragment = new byte[2 * random.Next(1, 60)];
        random.NextBytes(fragment);
        if (random.Next(2) == 0)
        {
            BitConverter.GetBytes((uint)random.Next(0, 20)).CopyTo(fragment, 0);
        }

        return new RawDicom()
            .Text(0x0008, 0x0060, "CS", "CT").US(0x0028, 0x0002, 1).Text(0x0028, 0x0004, "CS", "MONOCHROME2")
            .US(0x0028, 0x0010, (ushort)random.Next(1, 64)).US(0x0028, 0x0011, (ushort)random.Next(1, 64))
            .US(0x0028, 0x0100, 16).US(0x0028, 0x0101, 16).US(0x0028, 0x0102, 15).US(0x0028, 0x0103, 0)
            .Element(0x7FE0, 0x0010, "OB", [], length: 0xFFFFFFFF).Item(0xE000, 0).Item(0xE000, (uint)fragment.Length).Raw(fragment).Item(0xE0DD, 0)
            .AsFile(syntax);
    }
}
