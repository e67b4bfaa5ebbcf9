using Ort = Microsoft.ML.OnnxRuntime;

namespace MedPipeline.Onnx;

/// <summary>Turns <see cref="SessionSettings"/> into ONNX Runtime session options.</summary>
internal static class SessionOptionsFactory
{
    public static Ort.SessionOptions Create(SessionSettings settings)
    {
        var level = Level(settings.Optimization);
        var options = new Ort.SessionOptions();
        try
        {
            if (settings.IntraOpThreads > 0)
            {
                options.IntraOpNumThreads = settings.IntraOpThreads;
            }

            if (settings.InterOpThreads > 0)
            {
                options.InterOpNumThreads = settings.InterOpThreads;
            }

            options.GraphOptimizationLevel = level;
            options.AddSessionConfigEntry("session.intra_op.allow_spinning", settings.AllowSpinning ? "1" : "0");
            return options;
        }
        catch (Ort.OnnxRuntimeException e)
        {
            options.Dispose();
            throw OrtErrors.Translate(e);
        }
    }

    private static Ort.GraphOptimizationLevel Level(GraphOptimization optimization) => optimization switch
    {
        GraphOptimization.Disabled => Ort.GraphOptimizationLevel.ORT_DISABLE_ALL,
        GraphOptimization.Basic => Ort.GraphOptimizationLevel.ORT_ENABLE_BASIC,
        GraphOptimization.Extended => Ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
        GraphOptimization.Layout => Ort.GraphOptimizationLevel.ORT_ENABLE_LAYOUT,
        GraphOptimization.All => Ort.GraphOptimizationLevel.ORT_ENABLE_ALL,
        _ => throw new OnnxInputException($"unknown graph optimization level {optimization}"),
    };
}
