namespace MedPipeline.StatusCallback.Delivery;

/// <summary>
/// Counts the attempts of one delivery: it sits inside the resilience handler, so every retry passes
/// through it, and keeps the count on the request, which the retry sends again.
/// </summary>
internal sealed class CallbackAttempts : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<int> Key = new("MedPipeline.CallbackAttempts");

    public static int Of(HttpRequestMessage request) => request.Options.TryGetValue(Key, out var attempts) ? attempts : 0;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.Set(Key, Of(request) + 1);
        return base.SendAsync(request, cancellationToken);
    }
}
