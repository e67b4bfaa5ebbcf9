using MedPipeline.Gateway.Series;

namespace MedPipeline.Gateway.Similar;

/// <summary>An earlier series near the asked one: its distance (unit embeddings, 0 = same direction, 2 = opposite) and its outcome.</summary>
public sealed record SimilarCase(SeriesStatusRow Row, double Distance);
