using System.Buffers.Binary;
using System.Diagnostics;

namespace MedPipeline.Dicom.Tests;

/// <summary>Raw data sets (no preamble, no DICM, no meta group), as some exporters write them: the encoding is inferred.</summary>
public sealed class When_files_have_no_file_meta
{
    private const string PydicomFiles = "/usr/lib/python3/dist-packages/pydicom/data/test_files";

    [Test]
    public async Task A_raw_explicit_little_endian_data_set_reads_like_the_file_it_came_from()
    {
        var file = Synthetic.Ct().ToBytes();

        var whole = DicomFile.Read(file, "ct.dcm");
        var raw = DicomFile.Read(DataSetOf(file), "ct.raw");

        Assert.That(raw.TransferSyntax.Uid, Is.EqualTo(TransferSyntax.ExplicitLittleUid));
        Assert.That(raw.Image.SopInstanceUid, Is.EqualTo("1.2.3.4.5.6.1"));
        Assert.That(raw.Image.SeriesInstanceUid, Is.EqualTo("1.2.3.4.5.6"));
        Assert.That(raw.Image.StudyInstanceUid, Is.EqualTo("1.2.3.4.5"));
        Assert.That((await raw.DecodeFramesAsync()).Single().Samples.ToArray(), Is.EqualTo((await whole.DecodeFramesAsync()).Single().Samples.ToArray()));
    }

    [Test]
    public async Task A_raw_implicit_little_endian_data_set_reads_like_the_file_it_came_from()
    {
        var file = await File.ReadAllBytesAsync(Path.Combine(PydicomFiles, "MR_small_implicit.dcm"));

        var whole = DicomFile.Read(file, "mr.dcm");
        var raw = DicomFile.Read(DataSetOf(file), "mr.raw");

        Assert.That(raw.TransferSyntax.Uid, Is.EqualTo(TransferSyntax.ImplicitLittleUid));
        Assert.That(raw.Image with { TransferSyntaxUid = "" }, Is.EqualTo(whole.Image with { TransferSyntaxUid = "" }).Using<DicomImageInfo>(SameUids));
        Assert.That((await raw.DecodeFramesAsync()).Single().Samples.ToArray(), Is.EqualTo((await whole.DecodeFramesAsync()).Single().Samples.ToArray()));
    }

    [TestCase("rtstruct.dcm", TransferSyntax.ImplicitLittleUid)]
    [TestCase("ExplVR_LitEndNoMeta.dcm", TransferSyntax.ExplicitLittleUid)]
    [TestCase("ExplVR_BigEndNoMeta.dcm", TransferSyntax.ExplicitBigUid)]
    public async Task Pydicoms_raw_files_read_with_pydicoms_UIDs(string name, string inferred)
    {
        var path = Path.Combine(PydicomFiles, name);

        var dataset = await DicomFile.ReadAsync(path);

        Assert.That(dataset.TransferSyntax.Uid, Is.EqualTo(inferred));
        var info = dataset.Image;
        Assert.That(new[] { info.SopClassUid, info.SopInstanceUid, info.StudyInstanceUid, info.SeriesInstanceUid }, Is.EqualTo(PydicomUids(path)));
    }

    [Test]
    public void Garbage_without_a_preamble_is_NotDicom_and_says_why()
    {
        var garbage = Enumerable.Range(0, 400).Select(i => (byte)(i * 37 + 11)).ToArray();

        var error = Assert.Throws<DicomReadException>(() => DicomFile.Read(garbage, "garbage.bin"));

        Assert.That(error!.Reason, Is.EqualTo(DicomFailureReason.NotDicom));
        Assert.That(error.Message, Does.Contain("no DICM prefix at byte 128, nor a raw data set's first element"));
    }

    [Test]
    public void A_plausible_first_group_followed_by_garbage_still_fails_with_a_typed_reason()
    {
        byte[] bytes = [0x08, 0x00, 0x16, 0x00, .. Enumerable.Range(0, 60).Select(i => (byte)(0xF0 - i))];

        var error = Assert.Throws<DicomReadException>(() => DicomFile.Read(bytes, "cut.raw"));

        Assert.That(error!.Reason, Is.EqualTo(DicomFailureReason.Truncated));
        Assert.That(error.Message, Does.Contain("cut.raw"));
    }

    private static bool SameUids(DicomImageInfo a, DicomImageInfo b) =>
        a.SopClassUid == b.SopClassUid && a.SopInstanceUid == b.SopInstanceUid && a.StudyInstanceUid == b.StudyInstanceUid
        && a.SeriesInstanceUid == b.SeriesInstanceUid && a.Rows == b.Rows && a.Columns == b.Columns;

    /// <summary>The bytes after the preamble, DICM and the explicit-VR meta group (whose elements are walked, not trusted).</summary>
    private static byte[] DataSetOf(byte[] file)
    {
        var position = 132;
        while (BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(position)) == 0x0002)
        {
            var vr = System.Text.Encoding.ASCII.GetString(file, position + 4, 2);
            position += vr is "OB" or "UN" or "UT" or "SQ"
                ? 12 + (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(position + 8))
                : 8 + BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(position + 6));
        }

        return file[position..];
    }

    /// <summary>What pydicom (an independent reader) finds in the file.</summary>
    private static string?[] PydicomUids(string path)
    {
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("import pydicom, sys; d = pydicom.dcmread(sys.argv[1], force=True); "
            + "print('\\n'.join(str(d.get(k, '')) for k in ('SOPClassUID', 'SOPInstanceUID', 'StudyInstanceUID', 'SeriesInstanceUID')))");
        info.ArgumentList.Add(path);
        using var process = Process.Start(info)!;
        var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.None);
        process.WaitForExit();
        return [.. lines.Take(4).Select(l => l.Length == 0 ? null : l)];
    }
}
