namespace MedPipeline.Storage;

/// <summary>
/// The claim-check store shared by the gateway and the workers: archives, unpacked instances,
/// tensors and results live here; only their keys travel through RabbitMQ.
/// </summary>
public interface ISeriesStore
{
    /// <summary>Streams <paramref name="content"/> to <paramref name="key"/>; throws <see cref="StoreLimitExceededException"/> past <paramref name="maxBytes"/>.</summary>
    Task<StoredObject> WriteAsync(string key, Stream content, long? maxBytes, CancellationToken cancellationToken);

    Stream OpenRead(string key);

    /// <summary>
    /// The <paramref name="length"/> bytes of <paramref name="key"/> from <paramref name="offset"/>, as a stream of their own
    /// (position 0 is <paramref name="offset"/>): a file kept uncompressed inside an upload, read where it lies.
    /// </summary>
    Stream OpenRead(string key, long offset, long length);

    bool Exists(string key);

    /// <summary>Keys below a prefix, in ordinal order.</summary>
    IReadOnlyList<string> List(string prefix);

    void DeletePrefix(string prefix);

    /// <summary>Bytes held below a prefix, writes still in progress included (what an organization has waiting).</summary>
    long BytesBelow(string prefix);
}
