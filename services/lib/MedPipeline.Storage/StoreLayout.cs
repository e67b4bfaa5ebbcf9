namespace MedPipeline.Storage;

/// <summary>
/// Where everything lives in the shared store, in one place: uploads under <c>archives/{organization}/</c>, and per series
/// attempt under <c>series/{correlation}/{attempt}/</c> the unpacked instances, the instance index the
/// Unpacker writes, and the tensors with their index. Every service asks here instead of building keys.
/// </summary>
public static class StoreLayout
{
    public const string ArchivesRoot = "archives";
    public const string SeriesRoot = "series";
    public const string CallbacksRoot = "callbacks";
    private const string InstancesFolder = "instances";
    private const string InstanceIndexName = "instance-index.json";
    private const string TensorsFolder = "tensors";
    private const string TensorIndexName = "index.json";
    private const string HeatmapsFolder = "heatmaps";

    /// <summary>The uploaded ZIP of one request, under its organization's prefix.</summary>
    public static string Archive(string organization, Guid requestId) => StoreKey.Combine(ArchivesOf(organization), $"{requestId:N}.zip");

    /// <summary>
    /// The prefix an organization's uploads live under (<c>archives/{organization}</c>): a command may only name
    /// an archive below its own organization's prefix, so one organization cannot have another's upload processed.
    /// </summary>
    public static string ArchivesOf(string organization)
    {
        var prefix = StoreKey.Combine(ArchivesRoot, organization);
        return prefix.Count(c => c == '/') == 1 ? prefix : throw new ArgumentException($"Organization '{organization}' is not one key segment.", nameof(organization));
    }

    /// <summary>
    /// Whether <paramref name="key"/> is a well-formed store key (no "..", ".", empty segment or rooted path) naming a
    /// file strictly below the organization's archive prefix. Checked on the key as sent: nothing is normalized into place.
    /// </summary>
    public static bool IsArchiveOf(string organization, string key)
    {
        try
        {
            return key.StartsWith(ArchivesOf(organization) + "/", StringComparison.Ordinal) && StoreKey.Validate(key) == key;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Everything one attempt at a series wrote; deleting it removes instances, index and tensors together.</summary>
    public static string SeriesAttempt(Guid correlationId, Guid attemptId) =>
        StoreKey.Combine(SeriesRoot, correlationId.ToString("N"), attemptId.ToString("N"));

    /// <summary>The prefix the Unpacker writes the instances under.</summary>
    public static string Instances(Guid correlationId, Guid attemptId) => StoreKey.Combine(SeriesAttempt(correlationId, attemptId), InstancesFolder);

    /// <summary>The key of instance <paramref name="number"/> (1-based, in archive entry order) below <paramref name="instancesKey"/>.</summary>
    public static string Instance(string instancesKey, int number) => StoreKey.Combine(instancesKey, $"{number:D5}.dcm");

    /// <summary>The Unpacker's instance index beside (not inside) the instances, so listing the instances never yields it.</summary>
    public static string InstanceIndexOf(string instancesKey) => StoreKey.Combine(ParentOf(instancesKey), InstanceIndexName);

    /// <summary>The DICOM results (SR, heatmap images) made from one attempt's result, deleted with the attempt.</summary>
    public static string DicomResults(Guid correlationId, Guid attemptId) => StoreKey.Combine(SeriesAttempt(correlationId, attemptId), "dicom-results");

    /// <summary>The tensors prefix of the attempt that owns <paramref name="instancesKey"/>.</summary>
    public static string TensorsOf(string instancesKey) => StoreKey.Combine(ParentOf(instancesKey), TensorsFolder);

    public static string TensorBatch(string tensorsKey, int number) => StoreKey.Combine(tensorsKey, $"batch-{number:D5}.f32");

    public static string TensorIndex(string tensorsKey) => StoreKey.Combine(tensorsKey, TensorIndexName);

    /// <summary>The Unpacker's instance index of the attempt that owns <paramref name="tensorsKey"/> (what the Inference worker finds sources by).</summary>
    public static string InstanceIndexBeside(string tensorsKey) => StoreKey.Combine(ParentOf(tensorsKey), InstanceIndexName);

    /// <summary>
    /// The heatmap PNG of tensor row <paramref name="row"/> (0-based, series order) of the attempt that owns
    /// <paramref name="tensorsKey"/>: named by the row, never by a UID from the uploaded files, and under the attempt's
    /// prefix so the series' cleanup and retention remove it.
    /// </summary>
    public static string Heatmap(string tensorsKey, int row) => StoreKey.Combine(ParentOf(tensorsKey), HeatmapsFolder, $"row-{row:D5}.png");

    /// <summary>
    /// The StatusCallback's receipt of one delivered callback (<c>callbacks/{callbackId}.json</c>): a redelivered command
    /// finds it and is not PUT again. Holds no patient data; the store retention removes old receipts.
    /// </summary>
    public static string CallbackReceipt(Guid callbackId) => StoreKey.Combine(CallbacksRoot, $"{callbackId:N}.json");

    /// <summary>Only uploads and series data may be deleted on request; anything else in the store is not ours to remove.</summary>
    public static bool IsDeletable(string key) =>
        key.StartsWith(ArchivesRoot + "/", StringComparison.Ordinal) || key.StartsWith(SeriesRoot + "/", StringComparison.Ordinal);

    private static string ParentOf(string key)
    {
        StoreKey.Validate(key);
        var slash = key.LastIndexOf('/');
        return slash < 0 ? throw new ArgumentException($"Store key '{key}' has no parent folder.", nameof(key)) : key[..slash];
    }
}
