using MedPipeline.ModelRunner;

namespace MedPipeline.Models.Tests;

public sealed class When_a_series_embedding_is_pooled
{
    private static InstanceAnswer Answer(params float[]? embedding) => new(null, null, null) { Embedding = embedding };

    [Test]
    public void The_series_vector_points_where_the_frames_mean_points_with_unit_length()
    {
        var pooled = SeriesEmbedding.Pool([Answer(3, 0), Answer(1, 4), Answer(2, 2)]);

        // The mean is (2, 2): the unit vector along it.
        Assert.That(pooled, Is.EqualTo(new[] { MathF.Sqrt(0.5f), MathF.Sqrt(0.5f) }).Within(1e-6f));
    }

    [Test]
    public void A_model_without_an_embedding_gives_no_vector() =>
        Assert.That(SeriesEmbedding.Pool([Answer(null), Answer(null)]), Is.Null);

    [Test]
    public void Frames_that_cancel_out_give_no_direction_to_compare() =>
        Assert.That(SeriesEmbedding.Pool([Answer(1, -1), Answer(-1, 1)]), Is.Null);

    [Test]
    public void Frames_with_embeddings_of_different_lengths_are_refused() =>
        Assert.Throws<ArgumentException>(() => SeriesEmbedding.Pool([Answer(1, 2), Answer(1, 2, 3)]));
}
