using MedPipeline.Testing;

namespace MedPipeline.Onnx.Tests;

public sealed class When_inputs_or_models_are_wrong
{
    [Test]
    public void A_wrong_dimension_is_a_typed_error_naming_the_input_and_dimension()
    {
        using var session = InferenceSession.Open(TestModel.Path("affine.onnx"));

        var error = Assert.Throws<OnnxInputException>(() => session.Run([new NamedTensor("image", new float[8], [1, 1, 2, 4])]));

        Assert.That(error!.Code, Is.EqualTo(OrtErrorCode.InvalidArgument));
        Assert.That(error.Message, Does.Contain("'image' dimension 3 is 4 (1x1x2x4) but the model expects 2"));
    }

    [Test]
    public void A_wrong_rank_is_a_typed_error()
    {
        using var session = InferenceSession.Open(TestModel.Path("affine.onnx"));

        var error = Assert.Throws<OnnxInputException>(() => session.Run([new NamedTensor("image", new float[4], [2, 2])]));

        Assert.That(error!.Code, Is.EqualTo(OrtErrorCode.InvalidArgument));
        Assert.That(error.Message, Does.Contain("rank 2 (2x2) but the model expects rank 4"));
    }

    [Test]
    public void A_buffer_shorter_than_its_shape_is_refused_before_running()
    {
        using var session = InferenceSession.Open(TestModel.Path("affine.onnx"));

        var error = Assert.Throws<OnnxInputException>(() => session.Run([new NamedTensor("image", new float[3], [1, 1, 2, 2])]));

        Assert.That(error!.Message, Does.Contain("holds only 3"));
    }

    [Test]
    public void An_unknown_input_name_lists_the_real_ones()
    {
        using var session = InferenceSession.Open(TestModel.Path("softmax4.onnx"));

        var error = Assert.Throws<OnnxInputException>(() => session.Run([new NamedTensor("input", new float[4], [1, 4])]));

        Assert.That(error!.Message, Does.Contain("no input 'input'").And.Contain("x Float[batch, 4]"));
    }

    [Test]
    public void A_missing_model_file_is_NoSuchFile()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() => InferenceSession.Open("/nonexistent/model.onnx"));

        Assert.That(error!.Code, Is.EqualTo(OrtErrorCode.NoSuchFile));
        Assert.That(error.Message, Does.Contain("/nonexistent/model.onnx"));
    }

    [Test]
    public void Random_bytes_are_rejected_by_ONNX_Runtime_with_its_code_and_message()
    {
        var garbage = new byte[512];
        new Random(5).NextBytes(garbage);

        var error = Assert.Throws<OnnxRuntimeException>(() => InferenceSession.Open(garbage));

        TestContext.Out.WriteLine(error!.Message);
        Assert.That(error.Code, Is.EqualTo(OrtErrorCode.InvalidProtobuf));
        Assert.That(error.RuntimeMessage, Does.Contain("protobuf parsing failed").IgnoreCase);
    }

    [TestCase("boxblur.onnx")]
    [TestCase("digit-classifier")]
    public void A_truncated_model_file_is_rejected_with_its_code_and_message(string model)
    {
        var source = model.EndsWith(".onnx", StringComparison.Ordinal)
            ? TestModel.Path(model)
            : Path.Combine(RepositoryPaths.Models, model, "model.onnx");
        var bytes = File.ReadAllBytes(source);
        var path = Path.Combine(Path.GetTempPath(), $"truncated-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        try
        {
            var error = Assert.Throws<OnnxRuntimeException>(() => InferenceSession.Open(path));

            TestContext.Out.WriteLine(error!.Message);
            Assert.That(error.Code, Is.EqualTo(OrtErrorCode.InvalidProtobuf));
            Assert.That(error.Message, Does.StartWith("ONNX Runtime InvalidProtobuf: ").And.Contain("Protobuf parsing failed"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_disposed_session_cannot_run()
    {
        var session = InferenceSession.Open(TestModel.Path("softmax4.onnx"));
        session.Dispose();

        Assert.That(() => session.Run([new NamedTensor("x", new float[4], [1, 4])]), Throws.InstanceOf<ObjectDisposedException>());
    }
}
