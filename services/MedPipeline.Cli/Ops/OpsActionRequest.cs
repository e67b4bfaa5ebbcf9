namespace MedPipeline.Cli.Ops;

/// <summary>What <c>medpipe ops rerun|cancel</c> was asked: the action ("rerun" or "cancel"), the series and an optional note for the audit.</summary>
internal sealed record OpsActionRequest(string Gateway, string ApiKey, string Action, Guid CorrelationId, string? Reason, bool Json)
{
    public string PathAndQuery =>
        $"api/admin/series/{CorrelationId}/{Action}{(string.IsNullOrEmpty(Reason) ? "" : $"?reason={Uri.EscapeDataString(Reason)}")}";
}
