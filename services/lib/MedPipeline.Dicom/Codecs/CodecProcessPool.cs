using System.Collections.Concurrent;
using MedPipeline.Dicom.Pixels;
using MedPipeline.Imaging;

namespace MedPipeline.Dicom.Codecs;

/// <summary>
/// Decodes JPEG-family, JPEG-LS and JPEG 2000 frames with GDCM in a small pool of child processes
/// (MedPipeline.DicomCodecHost). A worker that hangs, grows past its memory limit or dies fails only
/// the frame it held, with a typed reason, and is replaced; no GDCM code runs in this process.
/// </summary>
public sealed class CodecProcessPool : ICompressedFrameDecoder, IAsyncDisposable
{
    private static readonly HashSet<string> Supported =
    [
        "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70",
        "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91",
    ];

    private readonly CodecPoolOptions _options;
    private readonly string _hostPath;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<CodecWorker> _idle = [];
    private readonly ConcurrentDictionary<int, CodecWorker> _all = new();

    public CodecProcessPool(CodecPoolOptions options)
    {
        _options = options;
        _hostPath = CodecHostLocation.Resolve(options);
        _slots = new SemaphoreSlim(options.PoolSize);
    }

    public IReadOnlySet<string> SupportedTransferSyntaxes => Supported;

    /// <summary>PIDs of the running workers (for tests and diagnostics).</summary>
    public IReadOnlyCollection<int> WorkerPids => [.. _all.Keys];

    public async Task<ImageFrame> DecodeAsync(CompressedFrame frame, PixelValueInfo values, CancellationToken cancellationToken)
    {
        if (!Supported.Contains(frame.TransferSyntaxUid))
        {
            throw new DicomReadException(frame.Source, DicomFailureReason.UnsupportedTransferSyntax, $"no codec for transfer syntax {frame.TransferSyntaxUid}");
        }

        await _slots.WaitAsync(cancellationToken);
        var worker = Rent();
        var healthy = false;
        try
        {
            var (header, pixels) = await worker.DecodeAsync(frame, _options, cancellationToken);
            healthy = true;
            if (!header.Ok)
            {
                throw new DicomReadException(frame.Source, DicomFailureReason.DecoderFailed, header.Message);
            }

            return ToFrame(frame, header, pixels, values);
        }
        finally
        {
            if (healthy && worker.IsAlive)
            {
                _idle.Add(worker);
            }
            else
            {
                _all.TryRemove(worker.Pid, out _);
                worker.Dispose();
            }

            _slots.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var worker in _all.Values)
        {
            worker.Dispose();
        }

        _all.Clear();
        _slots.Dispose();
        return ValueTask.CompletedTask;
    }

    private CodecWorker Rent()
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.IsAlive)
            {
                return idle;
            }

            _all.TryRemove(idle.Pid, out _);
            idle.Dispose();
        }

        var worker = CodecWorker.Start(_options, _hostPath);
        _all[worker.Pid] = worker;
        return worker;
    }

    private static ImageFrame ToFrame(CompressedFrame frame, CodecResponseHeader header, byte[] pixels, PixelValueInfo values)
    {
        var layout = new PixelLayout(frame.Rows, frame.Columns, frame.SamplesPerPixel, frame.BitsAllocated, frame.BitsStored, frame.BitsStored - 1,
            frame.PixelRepresentation == 1, header.PhotometricInterpretation ?? frame.PhotometricInterpretation, header.PlanarConfiguration, 1);
        var decoded = new ImageFrame(frame.Columns, frame.Rows, layout.Color, values);
        try
        {
            // GDCM hands back native little-endian samples; YBR_FULL_422 is already expanded to full samples.
            NativePixelReader.ReadFrame(pixels, layout with { Photometric = layout.Photometric == "YBR_FULL_422" ? "YBR_FULL" : layout.Photometric }, bigEndian: false, decoded);
            return decoded;
        }
        catch
        {
            decoded.Dispose();
            throw;
        }
    }
}
