using System.Collections.Concurrent;
using MedPipeline.Dicom.Pixels;
using MedPipeline.Imaging;

namespace MedPipeline.Dicom.Codecs;

/// <summary>
/// Decodes JPEG-family, JPEG-LS and JPEG 2000 frames with GDCM, and uploaded PNG and JPEG files with libspng and
/// TurboJPEG, in a small pool of child processes (MedPipeline.DicomCodecHost). A worker that hangs, grows past its
/// memory limit or dies fails only the request it held, with a typed reason, and is replaced; no codec runs in
/// this process.
/// </summary>
public sealed class CodecProcessPool : ICompressedFrameDecoder, IImageFileDecoder, IAsyncDisposable
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

        var request = new CodecFrameRequest(frame.TransferSyntaxUid, frame.Rows, frame.Columns, frame.SamplesPerPixel, frame.BitsAllocated,
            frame.BitsStored, frame.PixelRepresentation, frame.PhotometricInterpretation, frame.PlanarConfiguration);
        var expected = (long)frame.Rows * frame.Columns * frame.SamplesPerPixel * (frame.BitsAllocated / 8);
        CodecResponseHeader header;
        byte[] pixels;
        try
        {
            (header, pixels) = await ExchangeAsync(new CodecRequestHeader(request, null), frame.Data, expected, cancellationToken);
        }
        catch (CodecProcessException e)
        {
            var reason = e.Failure == CodecProcessFailure.TimedOut ? DicomFailureReason.DecoderTimedOut : DicomFailureReason.DecoderCrashed;
            throw new DicomReadException(frame.Source, reason, e.Message, e);
        }

        return header.Ok
            ? ToFrame(frame, header, pixels, values)
            : throw new DicomReadException(frame.Source, DicomFailureReason.DecoderFailed, header.Message);
    }

    /// <summary>A PNG or JPEG upload: its header is checked here against the limits, the file is decoded in a child.</summary>
    public Task<ImageFrame> DecodeImageAsync(ReadOnlyMemory<byte> file, long maxPixels, long maxDecodedBytes, CancellationToken cancellationToken) =>
        IsolatedImageDecoding.DecodeAsync(this, file, maxPixels, maxDecodedBytes, cancellationToken);

    /// <summary>One request on a rented worker; a worker that failed its request is killed and not rented again.</summary>
    internal async Task<(CodecResponseHeader Header, byte[] Data)> ExchangeAsync(CodecRequestHeader header, ReadOnlyMemory<byte> data, long maxResponseBytes,
        CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        var worker = Rent();
        var healthy = false;
        try
        {
            var answer = await worker.ExchangeAsync(header, data, maxResponseBytes, _options, cancellationToken);
            healthy = true;
            return answer;
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
