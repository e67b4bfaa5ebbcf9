using System.Runtime.InteropServices;
using System.Text.Json;
using MedPipeline.Dicom.Writing;

namespace MedPipeline.Testing;

/// <summary>One held-out image a model's training script shipped in models/&lt;type&gt;/samples, with what training predicted.</summary>
public sealed record ShippedSample(string ModelType, string Name, JsonElement Entry)
{
    public string Label => Entry.GetProperty("label").GetString()!;

    public static IEnumerable<ShippedSample> All()
    {
        foreach (var folder in Directory.GetDirectories(RepositoryPaths.Models).Order(StringComparer.Ordinal))
        {
            var index = Path.Combine(folder, "samples", "samples.json");
            if (!File.Exists(index))
            {
                continue;
            }

            using var document = JsonDocument.Parse(File.ReadAllText(index));
            foreach (var entry in document.RootElement.GetProperty("samples").EnumerateArray())
            {
                yield return new ShippedSample(Path.GetFileName(folder), entry.GetProperty("file").GetString()!, entry.Clone());
            }
        }
    }

    /// <summary>The sample as the DICOM instance a hospital would send: CT, CR or secondary capture.</summary>
    public byte[] ToDicom()
    {
        var raw = File.ReadAllBytes(Path.Combine(RepositoryPaths.Models, ModelType, "samples", Name));
        var (width, height) = (Entry.GetProperty("width").GetInt32(), Entry.GetProperty("height").GetInt32());
        var eightBit = Entry.GetProperty("dtype").GetString() == "uint8";
        int[] pixels = eightBit ? [.. raw.Select(b => (int)b)] : [.. MemoryMarshal.Cast<byte, ushort>(raw).ToArray().Select(v => (int)v)];
        var (modality, sopClass) = ModelType switch
        {
            "ct-lesion-classifier" => ("CT", SyntheticDicom.CtImageStorage),
            "xray-anomaly" => ("CR", SyntheticDicom.CrImageStorage),
            _ => ("OT", SyntheticDicom.SecondaryCaptureStorage),
        };
        return new SyntheticDicom
        {
            SopClassUid = sopClass,
            SopInstanceUid = "1.2.826.0.1.3680043.10.1489.9.1",
            StudyInstanceUid = "1.2.826.0.1.3680043.10.1489.9",
            SeriesInstanceUid = "1.2.826.0.1.3680043.10.1489.9.2",
            Modality = modality,
            Rows = height,
            Columns = width,
            BitsAllocated = eightBit ? 8 : 16,
            BitsStored = Entry.TryGetProperty("bitsStored", out var bits) ? bits.GetInt32() : eightBit ? 8 : 16,
            RescaleSlope = Entry.TryGetProperty("rescaleSlope", out var slope) ? slope.GetDouble() : null,
            RescaleIntercept = Entry.TryGetProperty("rescaleIntercept", out var intercept) ? intercept.GetDouble() : null,
            WindowCenter = Entry.TryGetProperty("windowCenter", out var center) ? center.GetDouble() : null,
            WindowWidth = Entry.TryGetProperty("windowWidth", out var windowWidth) ? windowWidth.GetDouble() : null,
            Pixels = pixels,
        }.ToBytes();
    }

    /// <summary>The sample's pixels as an 8-bit grayscale PNG (digits only: their samples are 8-bit).</summary>
    public byte[] ToPng()
    {
        var raw = File.ReadAllBytes(Path.Combine(RepositoryPaths.Models, ModelType, "samples", Name));
        var (width, height) = (Entry.GetProperty("width").GetInt32(), Entry.GetProperty("height").GetInt32());
        return Imaging.GrayscalePng.Encode([.. raw.Select(b => b / 255f)], width, height);
    }

    public override string ToString() => $"{ModelType}/{Name}";
}
