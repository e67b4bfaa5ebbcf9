using System.Runtime.InteropServices;
using System.Text.Json;
using MedPipeline.Dicom.Writing;

namespace MedPipeline.SampleData;

/// <summary>
/// The held-out images a model's training script shipped (models/{type}/samples/samples.json and raw
/// pixels), turned into the DICOM instances a hospital would send: CT, CR or secondary capture.
/// </summary>
public sealed class ModelSamples(string modelsFolder, string modelType)
{
    public IReadOnlyList<JsonElement> Entries { get; } = Read(modelsFolder, modelType);

    /// <summary>The modality and SOP class the model supports, as the samples are written.</summary>
    public (string Modality, string SopClassUid) Kind => modelType switch
    {
        "ct-lesion-classifier" => ("CT", SyntheticDicom.CtImageStorage),
        "xray-anomaly" => ("CR", SyntheticDicom.CrImageStorage),
        _ => ("OT", SyntheticDicom.SecondaryCaptureStorage),
    };

    public SyntheticDicom Instance(JsonElement entry, string study, string series, int instanceNumber, string? modality = null, string? sopClassUid = null)
    {
        var raw = File.ReadAllBytes(Path.Combine(modelsFolder, modelType, "samples", entry.GetProperty("file").GetString()!));
        var (width, height) = (entry.GetProperty("width").GetInt32(), entry.GetProperty("height").GetInt32());
        var eightBit = entry.GetProperty("dtype").GetString() == "uint8";
        int[] pixels = eightBit ? [.. raw.Select(b => (int)b)] : [.. MemoryMarshal.Cast<byte, ushort>(raw).ToArray().Select(v => (int)v)];
        return new SyntheticDicom
        {
            SopClassUid = sopClassUid ?? Kind.SopClassUid,
            SopInstanceUid = DicomUids.New(),
            StudyInstanceUid = study,
            SeriesInstanceUid = series,
            Modality = modality ?? Kind.Modality,
            InstanceNumber = instanceNumber,
            Rows = height,
            Columns = width,
            BitsAllocated = eightBit ? 8 : 16,
            BitsStored = entry.TryGetProperty("bitsStored", out var bits) ? bits.GetInt32() : eightBit ? 8 : 16,
            RescaleSlope = Number(entry, "rescaleSlope"),
            RescaleIntercept = Number(entry, "rescaleIntercept"),
            WindowCenter = Number(entry, "windowCenter"),
            WindowWidth = Number(entry, "windowWidth"),
            Pixels = pixels,
        };
    }

    private static double? Number(JsonElement entry, string name) => entry.TryGetProperty(name, out var value) ? value.GetDouble() : null;

    private static List<JsonElement> Read(string modelsFolder, string modelType)
    {
        var index = Path.Combine(modelsFolder, modelType, "samples", "samples.json");
        if (!File.Exists(index))
        {
            throw new FileNotFoundException($"Model '{modelType}' ships no samples ({index}).", index);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(index));
        return [.. document.RootElement.GetProperty("samples").EnumerateArray().Select(e => e.Clone())];
    }
}
