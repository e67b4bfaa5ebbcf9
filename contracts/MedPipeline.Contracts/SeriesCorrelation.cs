using System.Security.Cryptography;
using System.Text;

namespace MedPipeline.Contracts;

/// <summary>
/// The series' correlation id: a name-based UUID (RFC 4122 version 5, SHA-1) of
/// "organization\nstudyInstanceUid\nseriesInstanceUid\nmodelType" in the namespace
/// 6f1c2b1e-8a4d-5c3b-9e27-4d1a0b7c9e55, so any backend computes it, e.g. in Python:
/// <c>uuid.uuid5(uuid.UUID("6f1c2b1e-8a4d-5c3b-9e27-4d1a0b7c9e55"), f"{org}\n{study}\n{series}\n{model}")</c>.
/// </summary>
public static class SeriesCorrelation
{
    public static readonly Guid Namespace = Guid.Parse("6f1c2b1e-8a4d-5c3b-9e27-4d1a0b7c9e55");

    public static Guid For(string organization, string studyInstanceUid, string seriesInstanceUid, string modelType)
    {
        var name = Encoding.UTF8.GetBytes($"{organization}\n{studyInstanceUid}\n{seriesInstanceUid}\n{modelType}");
        var data = new byte[16 + name.Length];
        Namespace.TryWriteBytes(data, bigEndian: true, out _);
        name.CopyTo(data, 16);
        var hash = SHA1.HashData(data);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
