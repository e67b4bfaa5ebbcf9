namespace MedPipeline.Dicom.Codecs;

/// <summary>The attributes of a <see cref="CompressedFrame"/> as they cross the pipe: a DICOM frame for GDCM.</summary>
public sealed record CodecFrameRequest(string TransferSyntaxUid, int Rows, int Columns, int SamplesPerPixel, int BitsAllocated,
    int BitsStored, int PixelRepresentation, string PhotometricInterpretation, int PlanarConfiguration);
