using MedPipeline.Onnx.Native;

namespace MedPipeline.Onnx.Tests;

public sealed class When_the_function_table_is_checked
{
    [TestCase(OrtErrorCode.InvalidGraph, "graph is broken")]
    [TestCase(OrtErrorCode.NotFound, "ünïcødé survives the round trip")]
    public void A_status_made_by_CreateStatus_comes_back_with_its_code_and_message(OrtErrorCode code, string message)
    {
        var error = Assert.Throws<OnnxRuntimeException>(() => OrtApi.ThrowThroughStatus(code, message));

        Assert.That(error!.Code, Is.EqualTo(code));
        Assert.That(error.RuntimeMessage, Is.EqualTo(message));
    }

    [Test]
    public void The_library_path_is_known_once_loaded()
    {
        _ = OnnxRuntime.Version;

        Assert.That(OnnxRuntime.LibraryPath, Does.EndWith("libonnxruntime.so.1"));
        Assert.That(File.Exists(OnnxRuntime.LibraryPath), Is.True);
    }

    [Test]
    public void Another_library_path_after_loading_is_refused()
    {
        _ = OnnxRuntime.Version;

        Assert.That(() => OnnxRuntime.Configure("/elsewhere/libonnxruntime.so.1"),
            Throws.InvalidOperationException.With.Message.Contains("already loaded from"));
    }
}
