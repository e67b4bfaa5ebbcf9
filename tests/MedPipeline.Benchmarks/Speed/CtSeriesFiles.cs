using System.IO.Compression;
using MedPipeline.Dicom.Writing;
using MedPipeline.SampleData;

namespace MedPipeline.Benchmarks.Speed;

/// <summary>
/// A series of 512×512 16-bit CT slices as hospitals send them: written once to a folder (what the in-process
/// run reads) and as a stored ZIP streamed to a file (what the pipeline is sent), so both runs see the same bytes.
/// </summary>
internal sealed record CtSeriesFiles(string Folder, string ZipPath, string StudyInstanceUid, string SeriesInstanceUid, int Slices, long ZipBytes)
{
    public static CtSeriesFiles Write(string root, string name, int slices, int seed)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        var (study, series) = (DicomUids.New(), DicomUids.New());
        var zipPath = Path.Combine(root, $"{name}.zip");
        var random = new Random(seed);
        var pixels = new int[512 * 512];
        using (var zip = new ZipArchive(File.Create(zipPath), ZipArchiveMode.Create))
        {
            for (var i = 0; i < slices; i++)
            {
                Phantom(pixels, random, i);
                var bytes = new SyntheticDicom
                {
                    SopInstanceUid = DicomUids.New(), StudyInstanceUid = study, SeriesInstanceUid = series, InstanceNumber = i + 1,
                    Rows = 512, Columns = 512, BitsStored = 12, RescaleSlope = 1, RescaleIntercept = -1024, WindowCenter = 40, WindowWidth = 400,
                    Pixels = pixels,
                }.ToBytes();
                var entryName = $"CT_{i + 1:D4}.dcm";
                File.WriteAllBytes(Path.Combine(folder, entryName), bytes);
                using var entry = zip.CreateEntry(entryName, CompressionLevel.NoCompression).Open();
                entry.Write(bytes);
            }
        }

        return new CtSeriesFiles(folder, zipPath, study, series, slices, new FileInfo(zipPath).Length);
    }

    /// <summary>One slice on its own (a single-image input), with fresh UIDs.</summary>
    public static byte[] Slice(int size, int seed)
    {
        var pixels = new int[size * size];
        Phantom(pixels, new Random(seed), 0);
        return new SyntheticDicom
        {
            SopInstanceUid = DicomUids.New(), StudyInstanceUid = DicomUids.New(), SeriesInstanceUid = DicomUids.New(),
            Rows = size, Columns = size, BitsStored = 12, RescaleSlope = 1, RescaleIntercept = -1024, WindowCenter = 40, WindowWidth = 400, Pixels = pixels,
        }.ToBytes();
    }

    /// <summary>A body-like disc of soft tissue with noise, different per slice (stored values 0..4095, HU = value − 1024).</summary>
    private static void Phantom(int[] pixels, Random random, int slice)
    {
        var radius = 200 + (slice % 40);
        for (var y = 0; y < 512; y++)
        {
            for (var x = 0; x < 512; x++)
            {
                var (dx, dy) = (x - 256, y - 256);
                var inside = (dx * dx) + (dy * dy) < radius * radius;
                pixels[(y * 512) + x] = inside ? 1024 + 40 + random.Next(-60, 60) : random.Next(0, 24);
            }
        }
    }

    /// <summary>
    /// Waits until the files written so far are on disk: their writeback would otherwise run in the kernel during the
    /// next measurement and take cores from whichever run comes first.
    /// </summary>
    public static void Settle()
    {
        using var sync = System.Diagnostics.Process.Start("sync");
        sync.WaitForExit();
    }

    public void Delete()
    {
        Directory.Delete(Folder, recursive: true);
        File.Delete(ZipPath);
    }
}
