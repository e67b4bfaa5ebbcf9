namespace MedPipeline.Gateway.Identity;

/// <summary>Endpoint metadata: which budget of <see cref="RateLimitOptions"/> a request spends.</summary>
public sealed record RateLimited(RateLimitedKind Kind);
