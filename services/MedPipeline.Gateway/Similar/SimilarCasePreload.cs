using Npgsql;

namespace MedPipeline.Gateway.Similar;

/// <summary>
/// Loads the similar-case index of every organization and model type with searchable series when the gateway starts, in the
/// background, so the first query does not wait for a full load (about a second per 100,000 series, more on a busy machine).
/// A failure only means the first query loads instead: it is logged, never fatal.
/// </summary>
public sealed partial class SimilarCasePreload(SimilarCaseReader reader, SimilarCaseIndex index, ILogger<SimilarCasePreload> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var (organization, modelType) in await reader.SearchableKindsAsync(stoppingToken))
            {
                await index.PreloadAsync(organization, modelType, stoppingToken);
                LogLoaded(logger, organization, modelType, index.CountOf(organization, modelType));
            }
        }
        catch (NpgsqlException e)
        {
            LogNotLoaded(logger, e.Message);
        }
    }

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Similar-case index of {Organization} / {ModelType} loaded: {Count} series")]
    private static partial void LogLoaded(ILogger logger, string organization, string modelType, int count);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "Similar-case index not preloaded (the first query loads it): {Error}")]
    private static partial void LogNotLoaded(ILogger logger, string error);
}
