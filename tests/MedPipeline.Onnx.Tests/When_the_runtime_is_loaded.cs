namespace MedPipeline.Onnx.Tests;

public sealed class When_the_runtime_is_loaded
{
    [Test]
    public void Its_version_is_the_packages_1_31_1() => Assert.That(OnnxRuntime.Version, Is.EqualTo("1.31.1"));

    [Test]
    public void The_native_library_is_the_one_the_package_put_beside_the_tests()
    {
        _ = OnnxRuntime.Version;

        var loaded = File.ReadLines("/proc/self/maps").Where(l => l.Contains("libonnxruntime", StringComparison.Ordinal))
            .Select(l => l[l.IndexOf('/', StringComparison.Ordinal)..]).Distinct().ToList();
        Assert.That(loaded, Is.EqualTo(new[] { Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libonnxruntime.so") }));
    }

    [Test]
    public void Model_metadata_names_symbolic_and_fixed_dimensions()
    {
        using var session = InferenceSession.Open(TestModel.Path("affine.onnx"));

        var input = session.Inputs.Single();
        Assert.That(input.Name, Is.EqualTo("image"));
        Assert.That(input.ElementType, Is.EqualTo(TensorElementType.Float));
        Assert.That(input.Dimensions, Is.EqualTo(new long[] { -1, 1, 2, 2 }));
        Assert.That(input.SymbolicDimensions[0], Is.EqualTo("batch"));
        Assert.That(session.Outputs.Select(o => o.ToString()), Is.EqualTo(new[] { "scaled Float[batch, 1, 2, 2]", "total Float[batch]" }));
    }
}
