using MedPipeline.Organizations;

namespace MedPipeline.Gateway.Tests;

/// <summary>The syntax rules the gateway and the orchestrator share: each accepts a plain value and refuses it with a line break around it.</summary>
public sealed class When_series_request_fields_are_checked
{
    private static IEnumerable<TestCaseData> Rules()
    {
        yield return new TestCaseData((Func<string, string?>)SeriesRequestFields.SeriesId, "backend-42").SetArgDisplayNames("SeriesId");
        yield return new TestCaseData((Func<string, string?>)SeriesRequestFields.Uid, "1.2.840.113619.2.55.3").SetArgDisplayNames("Uid");
        yield return new TestCaseData((Func<string, string?>)SeriesRequestFields.Name, "ct-lesion-classifier").SetArgDisplayNames("Name");
    }

    [TestCaseSource(nameof(Rules))]
    public void A_plain_value_passes_and_a_trailing_or_leading_line_break_does_not(Func<string, string?> rule, string valid)
    {
        Assert.Multiple(() =>
        {
            Assert.That(rule(valid), Is.Null);
            Assert.That(rule(valid + "\n"), Is.Not.Null, "a trailing line feed ($ would have matched before it)");
            Assert.That(rule(valid + "\r\n"), Is.Not.Null);
            Assert.That(rule("\n" + valid), Is.Not.Null);
            Assert.That(rule(""), Is.Not.Null);
        });
    }

    [TestCase(".")]
    [TestCase("..")]
    public void A_series_id_that_would_collapse_the_callback_path_is_refused(string seriesId) =>
        Assert.That(SeriesRequestFields.SeriesId(seriesId), Does.Contain("not '.' or '..'"));
}
