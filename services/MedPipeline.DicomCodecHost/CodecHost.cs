using MedPipeline.Dicom.Codecs;

namespace MedPipeline.DicomCodecHost;

/// <summary>The request loop of a codec worker: one DICOM frame or image file at a time until stdin closes.</summary>
internal static class CodecHost
{
    private const long MaxFrameBytes = 1L << 30;

    public static async Task<int> RunAsync(Stream input, Stream output, CancellationToken cancellationToken)
    {
        gdcm.Trace.WarningOff();
        gdcm.Trace.DebugOff();
        gdcm.Trace.ErrorOff();
        var folder = Directory.CreateTempSubdirectory($"medpipe-codec-{Environment.ProcessId}-").FullName;
        try
        {
            var decoder = new GdcmFrameDecoder(Path.Combine(folder, "frame.dcm"));
            while (await CodecProtocol.ReadRequestAsync(input, MaxFrameBytes, cancellationToken) is var (header, data))
            {
                FaultHook.BeforeDecode();
                var (response, pixels) = header switch
                {
                    { Frame: { } frame, Image: null } => decoder.Decode(frame, data),
                    { Frame: null, Image: { } image } => ImageFileDecoder.Decode(image, data),
                    _ => (new CodecResponseHeader(false, "the request names neither or both of a frame and an image", null, 0), []),
                };
                await CodecProtocol.WriteResponseAsync(output, response, pixels, cancellationToken);
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
