using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Gateway.Identity;

/// <summary>Request budgets per organization and per client address ("Gateway:RateLimits").</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Gateway:RateLimits";

    /// <summary>The window every budget below is counted in.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    [Required]
    public RateBudget SeriesSubmit { get; set; } = new() { PerOrganization = 600, PerAddress = 600 };

    [Required]
    public RateBudget StatusRead { get; set; } = new() { PerOrganization = 6000, PerAddress = 6000 };

    [Required]
    public RateBudget SingleImage { get; set; } = new() { PerOrganization = 12000, PerAddress = 12000 };

    /// <summary>Series uploads one organization may stream at the same time; more are answered 429.</summary>
    [Range(1, 1000)]
    public int ConcurrentUploadsPerOrganization { get; set; } = 16;
}
