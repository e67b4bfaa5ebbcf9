using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Models;

/// <summary>The models volume ("Models" section).</summary>
public sealed class ModelRegistryOptions
{
    public const string Section = "Models";

    /// <summary>Folder holding one sub-folder per model (manifest, ONNX file, card, golden vectors).</summary>
    [Required]
    public string Path { get; set; } = "";

    /// <summary>Threads one run may use; 0 leaves ONNX Runtime's default (all cores).</summary>
    [Range(0, 256)]
    public int IntraOpThreads { get; set; }

    /// <summary>
    /// Whether ONNX Runtime's threads spin between the steps of a run instead of sleeping: a little lower latency for a
    /// single image, at the cost of cores the other services of a small machine want. Off unless a process is set for latency.
    /// </summary>
    public bool AllowSpinning { get; set; }
}
