using System.Collections.Concurrent;
using MedPipeline.Gateway.Series;

namespace MedPipeline.Gateway.Similar;

/// <summary>
/// The in-process similar-case search (no pgvector on these machines): each organization and model type's embeddings
/// are loaded from the status read model on first use and brought up to date before every query, then searched by
/// brute force. Candidates are checked against their current rows, so a series rerun or deleted since is never answered.
/// </summary>
public sealed class SimilarCaseIndex(SimilarCaseReader reader)
{
    private const int Rounds = 3;

    private readonly ConcurrentDictionary<(string Organization, string ModelType), OrganizationModelVectors> _indexes = new();

    /// <summary>How many series of the organization and model type the index holds (after the last query).</summary>
    public int CountOf(string organization, string modelType) =>
        _indexes.TryGetValue((organization, modelType), out var vectors) ? vectors.Count : 0;

    /// <summary>The <paramref name="k"/> nearest series that finished before <paramref name="query"/>, nearest first.</summary>
    public async Task<IReadOnlyList<SimilarCase>> NearestAsync(string organization, string modelType, EmbeddingRow query, int k,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!query.IsSearchable)
        {
            throw new ArgumentException("the series has no embedding to search with", nameof(query));
        }

        var vectors = _indexes.GetOrAdd((organization, modelType), _ => new OrganizationModelVectors());
        await RefreshAsync(vectors, organization, modelType, cancellationToken);
        var found = new List<SimilarCase>(k);
        for (var round = 0; round < Rounds && found.Count < k; round++)
        {
            IReadOnlyList<(Guid Id, double Distance)> candidates;
            lock (vectors.Gate)
            {
                candidates = vectors.Nearest(query.EmbeddingModel!, query.Embedding!, k, query.CorrelationId, query.FinishedAt!.Value);
            }

            if (candidates.Count == 0)
            {
                break;
            }

            var rows = await reader.CompletedRowsAsync([.. candidates.Select(c => c.Id)], cancellationToken);
            found.Clear();
            var gone = candidates.Where(c => !rows.ContainsKey(c.Id)).ToList();
            found.AddRange(candidates.Where(c => rows.ContainsKey(c.Id)).Select(c => new SimilarCase(rows[c.Id], c.Distance)));
            if (gone.Count == 0)
            {
                break;
            }

            lock (vectors.Gate)
            {
                gone.ForEach(c => vectors.Forget(c.Id));
            }
        }

        return found;
    }

    /// <summary>Loads an organization and model type's vectors ahead of its first query (the gateway's start does, in the background).</summary>
    public Task PreloadAsync(string organization, string modelType, CancellationToken cancellationToken) =>
        RefreshAsync(_indexes.GetOrAdd((organization, modelType), _ => new OrganizationModelVectors()), organization, modelType, cancellationToken);

    private async Task RefreshAsync(OrganizationModelVectors vectors, string organization, string modelType, CancellationToken cancellationToken)
    {
        await vectors.Refreshing.WaitAsync(cancellationToken);
        try
        {
            var rows = await reader.ChangedSinceAsync(organization, modelType, vectors.Watermark, cancellationToken);
            lock (vectors.Gate)
            {
                vectors.Apply(rows);
            }
        }
        finally
        {
            vectors.Refreshing.Release();
        }
    }
}
