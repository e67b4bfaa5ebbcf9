using MedPipeline.Models.Manifest;

namespace MedPipeline.Models.Tests;

public sealed class When_results_are_aggregated
{
    private static readonly string[] Binary = ["normal", "lesion"];

    [Test]
    public void One_image_is_classified_by_its_highest_probability()
    {
        var outcome = SeriesAggregation.Classify(["a", "b", "c"], [0.2f, 0.7f, 0.1f]);

        Assert.That(outcome.PredictedClass, Is.EqualTo("b"));
        Assert.That(outcome.Probability, Is.EqualTo(0.7).Within(1e-6));
        Assert.That(outcome.ClassProbabilities["c"], Is.EqualTo(0.1).Within(1e-6));
    }

    [Test]
    public void Mean_averages_class_probabilities_over_instances()
    {
        var outcome = SeriesAggregation.AggregateClassification(new AggregationSpec(AggregationRule.Mean, null), Binary,
            [[0.9f, 0.1f], [0.2f, 0.8f], [0.7f, 0.3f]]);

        Assert.That(outcome.PredictedClass, Is.EqualTo("normal"));
        Assert.That(outcome.Probability, Is.EqualTo(0.6).Within(1e-6));
    }

    [Test]
    public void Max_positive_flags_the_series_when_any_instance_is_positive()
    {
        var outcome = SeriesAggregation.AggregateClassification(new AggregationSpec(AggregationRule.MaxPositive, "lesion"), Binary,
            [[0.9f, 0.1f], [0.3f, 0.7f], [0.95f, 0.05f]]);

        Assert.That(outcome.PredictedClass, Is.EqualTo("lesion"));
        Assert.That(outcome.Probability, Is.EqualTo(0.7).Within(1e-6));
        Assert.That(outcome.ClassProbabilities["normal"], Is.EqualTo(0.3).Within(1e-6));
    }

    [Test]
    public void Max_positive_below_one_half_answers_the_other_label_with_its_complement()
    {
        var outcome = SeriesAggregation.AggregateClassification(new AggregationSpec(AggregationRule.MaxPositive, "lesion"), Binary,
            [[0.9f, 0.1f], [0.6f, 0.4f]]);

        Assert.That((outcome.PredictedClass, outcome.Probability), Is.EqualTo(("normal", 0.6)).Using<(string, double)>((x, y) => x.Item1 == y.Item1 && Math.Abs(x.Item2 - y.Item2) < 1e-6));
    }

    [TestCase(AggregationRule.MaxMse, 0.5, true)]
    [TestCase(AggregationRule.MeanMse, 0.3, false)]
    public void Anomaly_series_use_the_max_or_mean_mse(AggregationRule rule, double expectedMse, bool anomalous)
    {
        var outcome = SeriesAggregation.AggregateAnomaly(rule, [0.1, 0.3, 0.5], threshold: 0.4);

        Assert.That(outcome.ReconstructionMse, Is.EqualTo(expectedMse).Within(1e-9));
        Assert.That(outcome.IsAnomaly, Is.EqualTo(anomalous));
        Assert.That(outcome.Threshold, Is.EqualTo(0.4));
    }

    [Test]
    public void An_mse_equal_to_the_threshold_is_not_an_anomaly() =>
        Assert.That(SeriesAggregation.Anomaly(0.4, 0.4).IsAnomaly, Is.False);
}
