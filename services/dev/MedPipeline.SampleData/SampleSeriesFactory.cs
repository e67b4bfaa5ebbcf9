using MedPipeline.Dicom;
using MedPipeline.Dicom.Writing;

namespace MedPipeline.SampleData;

/// <summary>
/// The series the demo submits and the integration tests drive the pipeline with: a real series per
/// model (from its shipped samples), and the inputs that must end not_supported or failed.
/// </summary>
public sealed class SampleSeriesFactory(string modelsFolder)
{
    /// <summary><paramref name="count"/> instances from the model's shipped samples (optionally of one label, repeated as needed) as one series.</summary>
    public SampleSeries ForModel(string modelType, int count, string? label = null)
    {
        var samples = new ModelSamples(modelsFolder, modelType);
        var pool = samples.Entries.Where(e => label is null || e.GetProperty("label").GetString() == label).ToList();
        if (pool.Count == 0)
        {
            throw new ArgumentException($"Model '{modelType}' ships no sample labelled '{label}'.", nameof(label));
        }

        var entries = Enumerable.Range(0, count).Select(i => pool[i % pool.Count]).ToList();
        var (study, series) = (DicomUids.New(), DicomUids.New());
        var archive = new SeriesArchive();
        for (var i = 0; i < entries.Count; i++)
        {
            archive.Add($"{samples.Kind.Modality}_{i + 1}.dcm", samples.Instance(entries[i], study, series, i + 1).ToBytes());
        }

        return new SampleSeries($"{modelType}: {entries.Count} instance(s){(label is null ? "" : $" labelled {label}")}", study, series, samples.Kind.Modality, archive.Build());
    }

    /// <summary>MR images: a modality none of the shipped models supports.</summary>
    public SampleSeries UnsupportedModality(string modelType) =>
        Rewritten(modelType, "MR", "1.2.840.10008.5.1.4.1.1.4", "MR images (no shipped model supports MR)");

    /// <summary>A structured report only: the series has no image instances.</summary>
    public SampleSeries NoImages()
    {
        var (study, series) = (DicomUids.New(), DicomUids.New());
        var report = new DicomWriter()
            .Text(DicomTag.SopClassUid, "UI", "1.2.840.10008.5.1.4.1.1.88.11")
            .Text(DicomTag.SopInstanceUid, "UI", DicomUids.New())
            .Text(DicomTag.Modality, "CS", "SR")
            .Text(DicomTag.StudyInstanceUid, "UI", study)
            .Text(DicomTag.SeriesInstanceUid, "UI", series)
            .ToBytes(TransferSyntax.ExplicitLittleUid);
        return new SampleSeries("a structured report only (no images)", study, series, "SR", new SeriesArchive().Add("SR_1.dcm", report).Build());
    }

    /// <summary>Bytes that start like a ZIP and are not one.</summary>
    public static SampleSeries CorruptZip()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        "PK\u0003\u0004"u8.CopyTo(bytes);
        return new SampleSeries("a corrupt ZIP", DicomUids.New(), DicomUids.New(), "CT", bytes);
    }

    /// <summary>A valid instance plus an entry whose path climbs out of the extraction folder.</summary>
    public SampleSeries ZipSlip(string modelType) => WithExtraEntry(modelType, "../../escape.dcm", [1, 2, 3], "an entry named ../../escape.dcm (zip-slip)");

    /// <summary>An entry that inflates from a few KB to far more than the compression-ratio limit allows.</summary>
    public SampleSeries ZipBomb(string modelType)
    {
        // It starts like a DICOM file, so only the inflation limits can stop it.
        var bomb = new byte[64 * 1024 * 1024];
        "DICM"u8.CopyTo(bomb.AsSpan(128));
        return WithExtraEntry(modelType, "CT_99.dcm", bomb, "a 64 MiB entry of zeros behind a DICOM preamble (zip bomb)");
    }

    /// <summary>One instance cut short in its pixel data.</summary>
    public SampleSeries Truncated(string modelType)
    {
        var good = ForModel(modelType, 1);
        var samples = new ModelSamples(modelsFolder, modelType);
        var bytes = samples.Instance(samples.Entries[1], good.StudyInstanceUid, good.SeriesInstanceUid, 2).ToBytes();
        return Combine(good, modelType, $"{samples.Kind.Modality}_2.dcm", bytes[..(bytes.Length / 2)], "an instance cut in half (truncated DICOM)");
    }

    /// <summary>Instances of another series than the one announced.</summary>
    public SampleSeries UidMismatch(string modelType)
    {
        var series = ForModel(modelType, 2);
        return series with { SeriesInstanceUid = DicomUids.New(), Description = "instances of another series than announced (UID mismatch)" };
    }

    private SampleSeries Rewritten(string modelType, string modality, string sopClassUid, string description)
    {
        var samples = new ModelSamples(modelsFolder, modelType);
        var (study, series) = (DicomUids.New(), DicomUids.New());
        var archive = new SeriesArchive();
        for (var i = 0; i < Math.Min(2, samples.Entries.Count); i++)
        {
            archive.Add($"{modality}_{i + 1}.dcm", samples.Instance(samples.Entries[i], study, series, i + 1, modality, sopClassUid).ToBytes());
        }

        return new SampleSeries(description, study, series, modality, archive.Build());
    }

    private SampleSeries WithExtraEntry(string modelType, string name, byte[] content, string description) =>
        Combine(ForModel(modelType, 1), modelType, name, content, description);

    private SampleSeries Combine(SampleSeries good, string modelType, string name, byte[] content, string description)
    {
        var samples = new ModelSamples(modelsFolder, modelType);
        var first = samples.Instance(samples.Entries[0], good.StudyInstanceUid, good.SeriesInstanceUid, 1).ToBytes();
        var zip = new SeriesArchive().Add($"{samples.Kind.Modality}_1.dcm", first).Add(name, content).Build();
        return good with { Zip = zip, Description = description };
    }
}
