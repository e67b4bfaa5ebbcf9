using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Gateway.DicomWeb;

/// <summary>STOW-RS intake ("Gateway:DicomWeb"): when a series is closed, how large an instance may be, and which model each series gets.</summary>
public sealed class DicomWebOptions : IValidatableObject
{
    public const string Section = "Gateway:DicomWeb";

    /// <summary>A series is closed and submitted once no instance of it arrived for this long (or at once on the commit endpoint).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the pending series are looked at; a series closes at most this long after its quiet period.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest accepted instance (one part); a larger part fails with 0xA700 and nothing of it is kept.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxInstanceBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Largest request body (all parts).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBytes { get; set; } = 8L * 1024 * 1024 * 1024;

    /// <summary>Routing rules, first match wins; a series no rule matches ends not_supported.</summary>
    public List<DicomWebRoute> Routes { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Routes.SelectMany((route, index) => route.Problems().Select(problem =>
            new ValidationResult($"Gateway:DicomWeb:Routes:{index}: {problem}", [nameof(Routes)])));
}
