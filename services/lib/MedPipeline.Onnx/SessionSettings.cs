namespace MedPipeline.Onnx;

/// <summary>How a session runs. Zero thread counts leave ONNX Runtime's defaults.</summary>
public sealed record SessionSettings
{
    public int IntraOpThreads { get; init; }

    public int InterOpThreads { get; init; }

    public GraphOptimization Optimization { get; init; } = GraphOptimization.All;

    /// <summary>session.intra_op.allow_spinning: false frees the cores between runs, at a little latency.</summary>
    public bool AllowSpinning { get; init; } = true;
}
