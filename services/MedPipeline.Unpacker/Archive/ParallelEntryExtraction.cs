using System.IO.Compression;
using System.Runtime.ExceptionServices;
using MedPipeline.Storage;

namespace MedPipeline.Unpacker.Archive;

/// <summary>
/// Takes the checked entries of a series ZIP on every core. A stored (uncompressed) entry is left where it lies in the
/// upload: its first bytes pass the same guards and its offset is recorded, so a 2 GB series is not copied again. A
/// deflated entry is inflated into the store. Keys follow the entries' order, as before.
/// </summary>
internal sealed class ParallelEntryExtraction(ISeriesStore store, ArchiveLimits limits)
{
    private const int InPlaceCheckBytes = 4096;

    /// <summary>
    /// Every core inflates its share of the entries (every n-th, through its own reader of the archive) against one
    /// shared budget; each entry keeps the key of its place in the archive. The first refusal stops the others.
    /// </summary>
    public async Task<IReadOnlyList<ExtractedInstance>> ExtractAsync(string archiveKey, Stream archiveStream, ZipArchive archive, List<ZipArchiveEntry> files,
        string targetPrefix, CancellationToken cancellationToken)
    {
        var positions = new Dictionary<ZipArchiveEntry, int>();
        for (var i = 0; i < archive.Entries.Count; i++)
        {
            positions[archive.Entries[i]] = i;
        }

        var places = files.Select(f => positions[f]).ToArray();
        var budget = new InflationBudget(limits);
        var extracted = new ExtractedInstance[files.Count];
        var workers = Math.Clamp(Environment.ProcessorCount, 1, files.Count);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var shares = Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            try
            {
                await ExtractShareAsync(worker == 0 ? (archive, archiveStream) : null, archiveKey, places, worker, workers, targetPrefix, budget, extracted, stop.Token);
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
        }, CancellationToken.None)).ToArray();
        try
        {
            await Task.WhenAll(shares);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Another share refused the archive and stopped this one: report that refusal, not the stop.
        }

        var refusal = shares.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault(e => e is not OperationCanceledException);
        if (refusal is not null)
        {
            ExceptionDispatchInfo.Throw(refusal);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return extracted;
    }

    /// <summary>Entries worker, worker + workers, … of the archive; a worker other than the first reads through an archive reader of its own.</summary>
    private async Task ExtractShareAsync((ZipArchive Archive, Stream Stream)? shared, string archiveKey, int[] places, int worker, int workers,
        string targetPrefix, InflationBudget budget, ExtractedInstance[] extracted, CancellationToken cancellationToken)
    {
        await using var source = shared is null ? store.OpenRead(archiveKey) : null;
        using var own = source is null ? null : new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        var (archive, stream) = shared ?? (own!, source!);
        for (var index = worker; index < places.Length; index += workers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = StoreLayout.Instance(targetPrefix, index + 1);
            var entry = archive.Entries[places[index]];
            extracted[index] = await InPlaceAsync(entry, key, stream, budget, cancellationToken)
                ?? await ExtractEntryAsync(entry, key, budget, cancellationToken);
        }
    }

    /// <summary>
    /// A stored entry of at least <see cref="InPlaceCheckBytes"/> bytes, left in the upload: its first bytes are read through the
    /// library and the guards (DICOM prefix, no nested archive, the budget), then compared with the upload's bytes at the
    /// offset the library reached after the entry's local header. Only when they agree is the entry read in place; else
    /// (a deflated entry of equal sizes, a library that reads headers differently) it is extracted as any other.
    /// </summary>
    private static async Task<ExtractedInstance?> InPlaceAsync(ZipArchiveEntry entry, string key, Stream archiveStream, InflationBudget budget,
        CancellationToken cancellationToken)
    {
        if (entry.CompressedLength != entry.Length || entry.Length < InPlaceCheckBytes)
        {
            return null;
        }

        var head = new byte[InPlaceCheckBytes];
        long offset;
        try
        {
            await using var data = entry.Open();
            offset = archiveStream.Position;
            await new GuardedEntryStream(data, entry, budget).ReadExactlyAsync(head, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new ArchiveRejectedException(ArchiveProblem.NotAZip, $"entry '{entry.FullName}' cannot be read ({e.Message})");
        }

        if (offset < 0 || offset > archiveStream.Length - entry.Length)
        {
            return null;
        }

        var placed = new byte[InPlaceCheckBytes];
        archiveStream.Position = offset;
        await archiveStream.ReadExactlyAsync(placed, cancellationToken);
        if (!placed.AsSpan().SequenceEqual(head))
        {
            return null;
        }

        budget.Spend(entry.Length - InPlaceCheckBytes, entry.FullName);
        return new ExtractedInstance(entry.FullName, key, entry.Length, offset, entry.Crc32);
    }

    /// <summary>One entry through the guards into the store under <paramref name="key"/>; a corrupt or oversized entry refuses the archive.</summary>
    private async Task<ExtractedInstance> ExtractEntryAsync(ZipArchiveEntry entry, string key, InflationBudget budget, CancellationToken cancellationToken)
    {
        Stream inflated;
        try
        {
            inflated = entry.Open();
        }
        catch (InvalidDataException e)
        {
            throw new ArchiveRejectedException(ArchiveProblem.NotAZip, $"entry '{entry.FullName}' cannot be read ({e.Message})");
        }

        await using (inflated)
        {
            var guarded = new GuardedEntryStream(inflated, entry, budget);
            try
            {
                var stored = await store.WriteAsync(key, guarded, limits.MaxEntryBytes, cancellationToken);
                return new ExtractedInstance(entry.FullName, key, stored.Length);
            }
            catch (InvalidDataException e)
            {
                store.DeletePrefix(key);
                throw new ArchiveRejectedException(ArchiveProblem.NotAZip, $"entry '{entry.FullName}' is corrupt ({e.Message})");
            }
            catch (StoreLimitExceededException)
            {
                throw new ArchiveRejectedException(ArchiveProblem.ZipBomb,
                    $"entry '{entry.FullName}' inflates past {limits.MaxEntryBytes} bytes");
            }
        }
    }
}
