using MedPipeline.Testing;

namespace MedPipeline.Workers.Tests;

/// <summary>Shipped samples rewritten as the instances of one series, as a hospital would send them.</summary>
internal static class ShippedInstance
{
    /// <summary>The sample as instance <paramref name="number"/> of one series (unique SOP Instance UID, instance number).</summary>
    public static byte[] Of(ShippedSample sample, int number)
    {
        var dataset = Dicom.DicomFile.Read(sample.ToDicom(), sample.Name);
        var info = dataset.Image;
        var frame = Dicom.DicomPixelDecoder.DecodeFramesAsync(dataset).GetAwaiter().GetResult().Single();
        var pixels = frame.Samples.ToArray().Select(v => (int)v).ToArray();
        frame.Dispose();
        return new Dicom.Writing.SyntheticDicom
        {
            SopClassUid = info.SopClassUid!, SopInstanceUid = $"{info.SeriesInstanceUid}.{number}", StudyInstanceUid = info.StudyInstanceUid!,
            SeriesInstanceUid = info.SeriesInstanceUid!, Modality = info.Modality!, InstanceNumber = number, Rows = info.Rows!.Value, Columns = info.Columns!.Value,
            BitsAllocated = info.BitsAllocated!.Value, BitsStored = info.BitsStored!.Value, RescaleSlope = info.RescaleSlope, RescaleIntercept = info.RescaleIntercept,
            WindowCenter = info.WindowCenter, WindowWidth = info.WindowWidth, Pixels = pixels,
        }.ToBytes();
    }
}
