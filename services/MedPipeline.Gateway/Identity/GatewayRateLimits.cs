using System.Globalization;
using System.Threading.RateLimiting;
using MedPipeline.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MedPipeline.Gateway.Identity;

/// <summary>
/// ASP.NET Core's rate limiter, chained: a request spends from its organization's budget and from its
/// client address's budget for its kind; a series upload also holds one of the organization's upload
/// slots while it streams. A refusal is 429 problem+json with Retry-After.
/// </summary>
public static class GatewayRateLimits
{
    public static WebApplicationBuilder AddGatewayRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, limits) =>
        {
            var budgets = limits.Value;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => Window(http, budgets, byOrganization: true)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => Window(http, budgets, byOrganization: false)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => UploadSlots(http, budgets)));
            o.OnRejected = async (context, token) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(5);
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Results.Problem(title: "Too many requests.", statusCode: StatusCodes.Status429TooManyRequests,
                    detail: "This organization or address used its request budget; retry after the number of seconds in Retry-After.")
                    .ExecuteAsync(http);
            };
        });
        return builder;
    }

    private static RateLimitPartition<string> Window(HttpContext http, RateLimitOptions budgets, bool byOrganization)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<RateLimited>() is not { } limited)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var budget = limited.Kind switch
        {
            RateLimitedKind.SeriesSubmit => budgets.SeriesSubmit,
            RateLimitedKind.StatusRead => budgets.StatusRead,
            _ => budgets.SingleImage,
        };
        var who = byOrganization
            ? "org:" + (CallerClaims.OrganizationOf(http.User) ?? "anonymous")
            : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        var permits = byOrganization ? budget.PerOrganization : budget.PerAddress;
        return RateLimitPartition.GetFixedWindowLimiter($"{limited.Kind}|{who}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = budgets.Window,
            QueueLimit = 0,
        });
    }

    private static RateLimitPartition<string> UploadSlots(HttpContext http, RateLimitOptions budgets) =>
        http.GetEndpoint()?.Metadata.GetMetadata<RateLimited>() is { Kind: RateLimitedKind.SeriesSubmit }
            ? RateLimitPartition.GetConcurrencyLimiter("uploads|" + (CallerClaims.OrganizationOf(http.User) ?? "anonymous"),
                _ => new ConcurrencyLimiterOptions { PermitLimit = budgets.ConcurrentUploadsPerOrganization, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("");
}
