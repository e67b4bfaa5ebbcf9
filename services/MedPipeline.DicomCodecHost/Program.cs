using MedPipeline.DicomCodecHost;

// A codec worker: reads frames from stdin, answers on the original stdout; GDCM's own prints go to stderr.
using var protocol = StandardOutputGuard.TakeProtocolStream();
return await CodecHost.RunAsync(Console.OpenStandardInput(), protocol, CancellationToken.None);
