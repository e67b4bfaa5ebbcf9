using System.Diagnostics;
using System.Globalization;
using MedPipeline.Dicom.Codecs;
using MedPipeline.Imaging;
using MedPipeline.Testing;

namespace MedPipeline.Dicom.Codecs.Tests;

public sealed class When_a_codec_process_misbehaves
{
    private const string Jpeg2000File = "/usr/lib/python3/dist-packages/pydicom/data/test_files/JPEG2000.dcm";
    private static readonly PixelValueInfo Values = new() { BitsStored = 16, IsDicom = true };

    private static CompressedFrame ValidFrame()
    {
        var dataset = DicomFile.ReadAsync(Jpeg2000File).GetAwaiter().GetResult();
        var recorder = new RecordingCodec();
        try
        {
            dataset.DecodeFramesAsync(recorder).GetAwaiter().GetResult();
        }
        catch (DicomReadException)
        {
            // The recorder refuses every frame after keeping it.
        }

        return recorder.Frames[0];
    }

    [Test]
    public async Task A_truncated_stream_is_DecoderFailed_never_zero_filled()
    {
        await using var pool = new CodecProcessPool(new CodecPoolOptions());
        var frame = ValidFrame();

        var error = Assert.ThrowsAsync<DicomReadException>(() => pool.DecodeAsync(frame with { Data = frame.Data[..(frame.Data.Length / 2)] }, Values, CancellationToken.None));

        Assert.That(error!.Reason, Is.EqualTo(DicomFailureReason.DecoderFailed));
        Assert.That(error.Message, Does.Contain("no end-of-image"));
        using var good = await pool.DecodeAsync(frame, Values, CancellationToken.None);
        Assert.That(good.Width, Is.EqualTo(frame.Columns));
    }

    [Test]
    public async Task Hostile_streams_fail_typed_and_the_pool_keeps_serving()
    {
        await using var pool = new CodecProcessPool(new CodecPoolOptions { RequestTimeout = TimeSpan.FromSeconds(10) });
        var frame = ValidFrame();
        var random = new Random(20261122);
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 40; i++)
        {
            var bytes = frame.Data.ToArray();
            for (var k = 0; k < 1 + random.Next(30); k++)
            {
                bytes[random.Next(bytes.Length - 2)] = (byte)random.Next(256);
            }

            string outcome;
            try
            {
                using var decoded = await pool.DecodeAsync(frame with { Data = bytes }, Values, CancellationToken.None);
                outcome = "decoded";
            }
            catch (DicomReadException e)
            {
                outcome = e.Reason.ToString();
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        foreach (var (outcome, count) in outcomes)
        {
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count,4}  {outcome}"));
        }

        Assert.That(outcomes.Values.Sum(), Is.EqualTo(40));
        using var good = await pool.DecodeAsync(frame, Values, CancellationToken.None);
        Assert.That(good.Height, Is.EqualTo(frame.Rows));
    }

    [Test]
    public async Task A_codec_that_aborts_fails_its_frame_with_DecoderCrashed_and_is_replaced()
    {
        var options = new CodecPoolOptions();
        options.WorkerEnvironment["MEDPIPE_CODEC_TEST_FAULT"] = "abort";
        await using var pool = new CodecProcessPool(options);

        var error = Assert.ThrowsAsync<DicomReadException>(() => pool.DecodeAsync(ValidFrame(), Values, CancellationToken.None));

        Assert.That(error!.Reason, Is.EqualTo(DicomFailureReason.DecoderCrashed));
        Assert.That(error.Message, Does.Contain("SIGABRT"));
        Assert.That(pool.WorkerPids, Is.Empty, "the dead worker is not kept");
    }

    [Test]
    public async Task A_codec_that_hangs_is_killed_at_the_time_limit()
    {
        var options = new CodecPoolOptions { RequestTimeout = TimeSpan.FromSeconds(2) };
        options.WorkerEnvironment["MEDPIPE_CODEC_TEST_FAULT"] = "hang";
        await using var pool = new CodecProcessPool(options);
        var watch = Stopwatch.StartNew();

        var error = Assert.ThrowsAsync<DicomReadException>(() => pool.DecodeAsync(ValidFrame(), Values, CancellationToken.None));

        Assert.That(error!.Reason, Is.EqualTo(DicomFailureReason.DecoderTimedOut));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task A_codec_that_eats_memory_is_killed_at_the_memory_limit()
    {
        var options = new CodecPoolOptions { MemoryLimitMegabytes = 300 };
        options.WorkerEnvironment["MEDPIPE_CODEC_TEST_FAULT"] = "allocate";
        await using var pool = new CodecProcessPool(options);

        var error = Assert.ThrowsAsync<DicomReadException>(() => pool.DecodeAsync(ValidFrame(), Values, CancellationToken.None));

        Assert.That(error!.Reason, Is.EqualTo(DicomFailureReason.DecoderCrashed));
    }

    [Test]
    public async Task Concurrent_frames_share_the_pool_and_dispose_leaves_no_process()
    {
        var pool = new CodecProcessPool(new CodecPoolOptions { PoolSize = 2 });
        var frame = ValidFrame();

        var decoded = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => pool.DecodeAsync(frame, Values, CancellationToken.None)));
        var pids = pool.WorkerPids.ToList();
        await pool.DisposeAsync();

        Assert.That(decoded.Select(d => d.Samples[1000]), Is.All.EqualTo(decoded[0].Samples[1000]));
        Assert.That(pids, Has.Count.InRange(1, 2));
        Assert.That(pids.Where(pid => File.Exists($"/proc/{pid}/status") && !File.ReadAllText($"/proc/{pid}/status").Contains("zombie", StringComparison.Ordinal)), Is.Empty);
        foreach (var frameResult in decoded)
        {
            frameResult.Dispose();
        }
    }
}
