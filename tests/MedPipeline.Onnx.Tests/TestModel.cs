namespace MedPipeline.Onnx.Tests;

internal static class TestModel
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestModels", name);
}
