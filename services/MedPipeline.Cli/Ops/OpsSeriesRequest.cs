namespace MedPipeline.Cli.Ops;

/// <summary>What <c>medpipe ops series</c> was asked: a list with its filters, or one series' timeline.</summary>
internal sealed record OpsSeriesRequest(
    string Gateway, string ApiKey, Guid? CorrelationId, string[] States, string? Organization, string? ModelType,
    string? OlderThan, string? NewerThan, bool Stuck, int Limit, bool AllPages, bool Json)
{
    /// <summary>The admin API path and query of the first page (then the cursor is added).</summary>
    public string PathAndQuery(string? cursor)
    {
        if (CorrelationId is { } id)
        {
            return $"api/admin/series/{id}";
        }

        (string Name, string? Value)[] named =
        [
            ("organization", Organization), ("modelType", ModelType), ("olderThan", OlderThan), ("newerThan", NewerThan), ("stuck", Stuck ? "true" : null),
            ("limit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("cursor", cursor),
        ];
        var parameters = States.Select(s => (Name: "state", Value: (string?)s)).Concat(named)
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}");
        return $"api/admin/series?{string.Join('&', parameters)}";
    }
}
