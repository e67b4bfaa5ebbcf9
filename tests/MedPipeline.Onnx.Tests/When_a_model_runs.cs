namespace MedPipeline.Onnx.Tests;

public sealed class When_a_model_runs
{
    [Test]
    public void Softmax_outputs_match_the_hand_computed_probabilities()
    {
        using var session = InferenceSession.Open(TestModel.Path("softmax4.onnx"));
        float[] x = [1, 2, 3, 4, 0, 0, 0, 0];

        var result = session.Run([new NamedTensor("x", x, [2, 4])]).Single();

        var e = new[] { 1.0, 2, 3, 4 }.Select(Math.Exp).ToArray();
        var expected = e.Select(v => (float)(v / e.Sum())).Concat(Enumerable.Repeat(0.25f, 4));
        Assert.That(result.Name, Is.EqualTo("probabilities"));
        Assert.That(result.Shape, Is.EqualTo(new long[] { 2, 4 }));
        Assert.That(result.Data, Is.EqualTo(expected).Within(1e-6));
    }

    [Test]
    public void Two_outputs_come_back_with_their_shapes()
    {
        using var session = InferenceSession.Open(TestModel.Path("affine.onnx"));

        var results = session.Run([new NamedTensor("image", new float[] { 1, 2, 3, 4 }, [1, 1, 2, 2])]);

        Assert.That(results[0].Data, Is.EqualTo(new float[] { 3, 5, 7, 9 }));
        Assert.That(results[1].Shape, Is.EqualTo(new long[] { 1 }));
        Assert.That(results[1].Data, Is.EqualTo(new float[] { 24 }));
    }

    [Test]
    public void Only_the_requested_output_is_returned()
    {
        using var session = InferenceSession.Open(TestModel.Path("affine.onnx"));

        var results = session.Run([new NamedTensor("image", new float[] { 1, 1, 1, 1 }, [1, 1, 2, 2])], ["total"]);

        Assert.That(results.Select(r => (r.Name, r.Data[0])), Is.EqualTo(new[] { ("total", 12f) }));
    }

    [Test]
    public void A_caller_supplied_output_buffer_receives_the_result()
    {
        using var session = InferenceSession.Open(TestModel.Path("affine.onnx"));
        var output = new float[6];
        output.AsSpan().Fill(-1);

        session.Run([new NamedTensor("image", new float[] { 0, 1, 2, 3 }, [1, 1, 2, 2])], [new NamedTensor("scaled", output.AsMemory(1, 4), [1, 1, 2, 2])]);

        Assert.That(output, Is.EqualTo(new float[] { -1, 1, 3, 5, 7, -1 }));
    }

    [Test]
    public void A_batch_of_N_equals_N_single_runs()
    {
        using var session = InferenceSession.Open(TestModel.Path("boxblur.onnx"));
        var random = new Random(3);
        var batch = Enumerable.Range(0, 5 * 64).Select(_ => (float)random.NextDouble()).ToArray();

        var together = session.Run([new NamedTensor("image", batch, [5, 1, 8, 8])]).Single().Data;
        var apart = Enumerable.Range(0, 5)
            .SelectMany(i => session.Run([new NamedTensor("image", batch.AsMemory(i * 64, 64), [1, 1, 8, 8])]).Single().Data);

        Assert.That(together, Is.EqualTo(apart).Within(1e-6));
        Assert.That(together[9], Is.EqualTo(batch[0..3].Concat(batch[8..11]).Concat(batch[16..19]).Sum() / 9).Within(1e-5));
    }

    [Test]
    public void A_model_opened_from_bytes_gives_the_same_answer_as_from_file()
    {
        using var fromFile = InferenceSession.Open(TestModel.Path("softmax4.onnx"));
        using var fromBytes = InferenceSession.Open(File.ReadAllBytes(TestModel.Path("softmax4.onnx")), new SessionSettings
        {
            IntraOpThreads = 1,
            InterOpThreads = 1,
            Optimization = GraphOptimization.Basic,
            AllowSpinning = false,
        });
        float[] x = [0.5f, -1, 2, 0];

        Assert.That(fromBytes.Run([new NamedTensor("x", x, [1, 4])]).Single().Data,
            Is.EqualTo(fromFile.Run([new NamedTensor("x", x, [1, 4])]).Single().Data));
    }
}
