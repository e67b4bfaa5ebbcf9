using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Gateway.Identity;

/// <summary>Requests allowed per window for one kind of request.</summary>
public sealed class RateBudget
{
    [Range(1, 10_000_000)]
    public int PerOrganization { get; set; }

    [Range(1, 10_000_000)]
    public int PerAddress { get; set; }
}
