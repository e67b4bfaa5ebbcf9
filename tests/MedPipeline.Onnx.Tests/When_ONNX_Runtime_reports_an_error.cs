namespace MedPipeline.Onnx.Tests;

/// <summary>Errors raised inside ONNX Runtime leave our boundary as our typed exceptions, with the runtime's code and message.</summary>
public sealed class When_ONNX_Runtime_reports_an_error
{
    [Test]
    public void An_output_buffer_whose_batch_differs_from_the_inputs_is_an_input_error_with_the_runtimes_message()
    {
        using var session = InferenceSession.Open(TestModel.Path("affine.onnx"));

        // Both shapes fit the declared [batch, ...] dimensions, so only ONNX Runtime can see they disagree.
        var error = Assert.Throws<OnnxInputException>(() => session.Run(
            [new NamedTensor("image", new float[4], [1, 1, 2, 2])], [new NamedTensor("total", new float[2], [2])]));

        TestContext.Out.WriteLine(error!.Message);
        Assert.That(error.Code, Is.EqualTo(OrtErrorCode.InvalidArgument));
        Assert.That(error.InnerException, Is.TypeOf<Microsoft.ML.OnnxRuntime.OnnxRuntimeException>());
        Assert.That(error.RuntimeMessage, Does.Not.StartWith("[ErrorCode").And.Contain("total"));
    }

    [Test]
    public void An_empty_model_file_keeps_the_runtimes_code_and_message_without_the_packages_prefix()
    {
        var path = Path.Combine(Path.GetTempPath(), $"empty-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, []);
        try
        {
            var error = Assert.Throws<OnnxRuntimeException>(() => InferenceSession.Open(path));

            TestContext.Out.WriteLine(error!.Message);
            Assert.That(error, Is.Not.InstanceOf<OnnxInputException>());
            Assert.That(error.Code, Is.EqualTo(OrtErrorCode.InvalidArgument));
            Assert.That(error.RuntimeMessage, Does.Contain("No graph was found"));
            Assert.That(error.Message, Does.StartWith("ONNX Runtime InvalidArgument: Load model from ").And.Not.Contain("[ErrorCode:"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("InvalidProtobuf", OrtErrorCode.InvalidProtobuf)]
    [TestCase("NoSuchFile", OrtErrorCode.NoSuchFile)]
    [TestCase("ShapeInferenceNotRegistered", OrtErrorCode.EpFail)]
    [TestCase("RequirementNotRegistered", OrtErrorCode.ModelLoadCanceled)]
    [TestCase("SomethingNew", OrtErrorCode.Fail)]
    public void The_packages_code_names_map_to_the_C_APIs_codes(string packageName, OrtErrorCode expected) =>
        Assert.That(OrtErrors.CodeOf(packageName), Is.EqualTo(expected));
}
