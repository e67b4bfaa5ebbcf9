using MedPipeline.Onnx.Native;

namespace MedPipeline.Onnx.Tests;

public sealed class When_the_native_library_is_searched
{
    [Test]
    public void The_explicit_path_comes_first_then_the_variable_then_the_cache()
    {
        var environment = new Dictionary<string, string?> { ["MEDPIPE_ONNXRUNTIME_PATH"] = "/env/libonnxruntime.so.1", ["MEDPIPE_CACHE"] = "/cache" };

        var candidates = OrtNativeLibrary.Candidates("/explicit/libonnxruntime.so.1", n => environment.GetValueOrDefault(n), "/home/u");

        Assert.That(candidates, Is.EqualTo(new[] { "/explicit/libonnxruntime.so.1", "/env/libonnxruntime.so.1", "/cache/onnxruntime-1.23.2/libonnxruntime.so.1" }));
    }

    [Test]
    public void Without_settings_the_cache_under_the_home_folder_is_used() =>
        Assert.That(OrtNativeLibrary.Candidates(null, _ => null, "/home/u"),
            Is.EqualTo(new[] { "/home/u/.cache/medpipeline/onnxruntime-1.23.2/libonnxruntime.so.1" }));

    [Test]
    public void A_missing_library_names_every_path_tried_and_the_set_up_step()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() => OrtNativeLibrary.Load(["/nope/a.so.1", "/nope/b.so.1"]));

        Assert.That(error!.Code, Is.EqualTo(OrtErrorCode.NoSuchFile));
        Assert.That(error.Message, Does.Contain("tried: /nope/a.so.1, /nope/b.so.1").And.Contain("Run infra/setup.sh"));
    }

    [Test]
    public void A_file_that_is_not_a_library_is_a_typed_error_not_a_fallback()
    {
        var fake = Path.Combine(Path.GetTempPath(), $"not-a-library-{Guid.NewGuid():N}.so.1");
        File.WriteAllText(fake, "plain text");
        try
        {
            var error = Assert.Throws<OnnxRuntimeException>(() => OrtNativeLibrary.Load([fake, OnnxRuntime.LibraryPath ?? "/unused"]));

            Assert.That(error!.Code, Is.EqualTo(OrtErrorCode.Fail));
            Assert.That(error.Message, Does.Contain(fake).And.Contain("not a loadable ONNX Runtime library"));
        }
        finally
        {
            File.Delete(fake);
        }
    }
}
