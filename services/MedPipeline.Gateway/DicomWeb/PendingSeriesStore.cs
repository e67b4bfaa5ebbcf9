using System.IO.Compression;
using MedPipeline.Storage;

namespace MedPipeline.Gateway.DicomWeb;

/// <summary>
/// The STOW-RS intake area of the store: dicomweb/{organization}/{series}/ holds series.json and one
/// {SOP Instance UID}.dcm per instance (so the same instance sent twice is stored once). One lock orders
/// every change, so an instance never lands in a series while it is being closed.
/// </summary>
public sealed class PendingSeriesStore(ISeriesStore store)
{
    public const string Root = "dicomweb";
    private const string SeriesFile = "series.json";
    private const string IncomingFolder = "incoming";

    public SemaphoreSlim Lock { get; } = new(1, 1);

    public static string OrganizationPrefix(string organization) => StoreKey.Combine(Root, organization);

    public static string SeriesPrefix(string organization, string series) => StoreKey.Combine(Root, organization, series);

    public static string InstanceKey(string organization, string series, string sopInstanceUid) =>
        StoreKey.Combine(SeriesPrefix(organization, series), $"{sopInstanceUid}.dcm");

    /// <summary>Where a part is streamed before its header says which series it belongs to.</summary>
    public static string IncomingKey(string organization) => StoreKey.Combine(Root, organization, IncomingFolder, $"{Guid.NewGuid():N}.part");

    public async Task<PendingSeries?> FindAsync(string organization, string series, CancellationToken cancellationToken)
    {
        var key = StoreKey.Combine(SeriesPrefix(organization, series), SeriesFile);
        return store.Exists(key) ? await StoredJson.ReadAsync<PendingSeries>(store, key, cancellationToken) : null;
    }

    public Task SaveAsync(PendingSeries series, CancellationToken cancellationToken) =>
        StoredJson.WriteAsync(store, StoreKey.Combine(SeriesPrefix(series.Organization, series.SeriesInstanceUid), SeriesFile), series, cancellationToken);

    /// <summary>Every pending series of every organization (read again from the store, so a restart resumes them).</summary>
    public async Task<IReadOnlyList<PendingSeries>> AllAsync(CancellationToken cancellationToken)
    {
        var all = new List<PendingSeries>();
        foreach (var key in store.List(Root).Where(k => k.EndsWith("/" + SeriesFile, StringComparison.Ordinal)))
        {
            all.Add(await StoredJson.ReadAsync<PendingSeries>(store, key, cancellationToken));
        }

        return all;
    }

    public IReadOnlyList<string> InstancesOf(PendingSeries series) =>
        [.. store.List(SeriesPrefix(series.Organization, series.SeriesInstanceUid)).Where(k => k.EndsWith(".dcm", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>Writes the series' instances as one ZIP at <paramref name="archiveKey"/>: the upload the Unpacker and the saga already know.</summary>
    public async Task<long> WriteArchiveAsync(PendingSeries series, string archiveKey, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetTempPath(), $"medpipe-stow-{Guid.NewGuid():N}.zip");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            await using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: false))
            {
                foreach (var key in InstancesOf(series))
                {
                    // DICOM pixel data rarely shrinks much; storing keeps the close fast and the Unpacker's ratio check trivially met.
                    var entry = zip.CreateEntry(key[(key.LastIndexOf('/') + 1)..], CompressionLevel.NoCompression);
                    await using var target = await entry.OpenAsync(cancellationToken);
                    await using var source = store.OpenRead(key);
                    await source.CopyToAsync(target, cancellationToken);
                }
            }

            await using var archive = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            return (await store.WriteAsync(archiveKey, archive, null, cancellationToken)).Length;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public void Delete(PendingSeries series) => store.DeletePrefix(SeriesPrefix(series.Organization, series.SeriesInstanceUid));
}
