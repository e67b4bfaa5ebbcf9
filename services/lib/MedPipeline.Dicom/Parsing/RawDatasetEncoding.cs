using System.Buffers.Binary;
using System.Globalization;

namespace MedPipeline.Dicom.Parsing;

/// <summary>
/// The encoding of a data set that does not say it (no File Meta Information, or meta without a Transfer Syntax UID),
/// inferred from its first element's bytes as dcmtk and pydicom do: the byte order whose group number is a plausible
/// first group, and explicit VR when two upper-case letters follow the tag.
/// </summary>
internal static class RawDatasetEncoding
{
    /// <summary>Groups a data set can open with: meta (0002), identification (0008) or, without it, patient (0010).</summary>
    private const ushort FirstGroupMin = 0x0002;
    private const ushort FirstGroupMax = 0x0010;

    /// <summary>Whether the bytes open a DICOM stream without a preamble, in either byte order.</summary>
    public static bool StartsADataset(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 8 && (IsFirstGroup(BinaryPrimitives.ReadUInt16LittleEndian(bytes)) || IsFirstGroup(BinaryPrimitives.ReadUInt16BigEndian(bytes)));

    /// <summary>The syntax of the data set starting at <paramref name="dataset"/>; implicit VR little endian (the DICOM default) when it is empty.</summary>
    public static TransferSyntax Infer(ReadOnlySpan<byte> dataset, string source)
    {
        if (dataset.Length < 8)
        {
            return TransferSyntax.ImplicitLittle;
        }

        var explicitVr = ValueRepresentation.IsValid(dataset[4], dataset[5]);
        var little = BinaryPrimitives.ReadUInt16LittleEndian(dataset);
        if (IsFirstGroup(little))
        {
            return explicitVr ? TransferSyntax.ExplicitLittle : TransferSyntax.ImplicitLittle;
        }

        var big = BinaryPrimitives.ReadUInt16BigEndian(dataset);
        if (IsFirstGroup(big) && explicitVr)
        {
            return TransferSyntax.ExplicitBig;
        }

        throw new DicomReadException(source, DicomFailureReason.NotDicom, string.Create(CultureInfo.InvariantCulture,
            $"the data set declares no transfer syntax and its first element (group {little:X4}) is neither implicit nor explicit VR little endian nor explicit VR big endian"));
    }

    private static bool IsFirstGroup(ushort group) => group is >= FirstGroupMin and <= FirstGroupMax && group % 2 == 0;
}
