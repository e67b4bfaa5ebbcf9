using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Storage;

/// <summary>The shared store: a directory every service mounts (a volume in production).</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>Root directory of the store; must exist or be creatable.</summary>
    [Required]
    public string Path { get; set; } = "";
}
