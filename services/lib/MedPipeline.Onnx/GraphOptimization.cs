namespace MedPipeline.Onnx;

/// <summary>ONNX Runtime's GraphOptimizationLevel.</summary>
public enum GraphOptimization
{
    Disabled = 0,
    Basic = 1,
    Extended = 2,
    Layout = 3,
    All = 99,
}
