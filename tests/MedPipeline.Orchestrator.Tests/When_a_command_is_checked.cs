using MedPipeline.Contracts;
using MedPipeline.Orchestrator.Validation;
using MedPipeline.Organizations;

namespace MedPipeline.Orchestrator.Tests;

/// <summary>PredictSeriesValidation on its own: every field a backend could forge, one at a time.</summary>
public sealed class When_a_command_is_checked
{
    private readonly PredictSeriesValidation _validation = new(
        new OrganizationDirectory(Microsoft.Extensions.Options.Options.Create(new Dictionary<string, OrganizationOptions>
        {
            ["st-olaf"] = new() { CallbackBaseUrl = "http://127.0.0.1:9/" },
            ["other-hospital"] = new() { CallbackBaseUrl = "http://127.0.0.1:9/other/" },
        })),
        new FakeModels());

    [Test]
    public void A_command_as_the_gateway_sends_it_passes() => Assert.That(_validation.ReasonToReject(Valid()), Is.Null);

    [TestCase("archives/st-olaf/direct-1.zip", true)]
    [TestCase("archives/st-olaf/sub/a.zip", true)]
    [TestCase("archives/st-olaf", false)]
    [TestCase("archives/st-olaf/", false)]
    [TestCase("archives/other-hospital/a.zip", false)]
    [TestCase("archives/st-olaf-2/a.zip", false)]
    [TestCase("archives/a.zip", false)]
    [TestCase("archives/st-olaf/../other-hospital/a.zip", false)]
    [TestCase("archives/st-olaf/./a.zip", false)]
    [TestCase("archives/st-olaf//a.zip", false)]
    [TestCase("/archives/st-olaf/a.zip", false)]
    [TestCase("archives\\st-olaf\\a.zip", false)]
    [TestCase("series/x/a.zip", false)]
    public void The_archive_must_lie_under_the_organizations_prefix(string key, bool accepted) =>
        Assert.That(_validation.ReasonToReject(Valid() with { ArchiveKey = key }),
            accepted ? Is.Null : Is.EqualTo("the archive key is not a plain key under archives/st-olaf/"));

    [Test]
    public void Each_forged_field_is_named()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_validation.ReasonToReject(Valid() with { CorrelationId = Guid.NewGuid() }),
                Is.EqualTo("the correlation id is not the one of its organization, study, series and model type"));
            Assert.That(_validation.ReasonToReject(Valid() with { SeriesInstanceUid = "1.2.3.5" }), Does.StartWith("the correlation id"),
                "a field changed after the id was computed");
            Assert.That(_validation.ReasonToReject(Valid("mallory")), Is.EqualTo("the organization is not configured"));
            Assert.That(_validation.ReasonToReject(Valid(modelType: "lung-cancer-9000")), Is.EqualTo("the model type is unknown"));
            Assert.That(_validation.ReasonToReject(Valid() with { SeriesId = "" }), Does.StartWith("a required field is missing"));
            Assert.That(_validation.ReasonToReject(Valid() with { Organization = null! }), Does.StartWith("a required field is missing"));
        });
    }

    [TestCase(".", "seriesId")]
    [TestCase("..", "seriesId")]
    [TestCase("backend-1\n", "seriesId")]
    [TestCase("a/b", "seriesId")]
    public void A_series_id_the_gateway_would_refuse_is_refused(string seriesId, string field) =>
        Assert.That(_validation.ReasonToReject(Valid() with { SeriesId = seriesId }), Does.StartWith($"{field} must be"));

    [Test]
    public void A_UID_with_a_trailing_newline_is_refused_in_each_UID_field()
    {
        PredictSeries WithUids(string study, string series) => Valid() with
        {
            StudyInstanceUid = study, SeriesInstanceUid = series, CorrelationId = SeriesCorrelation.For("st-olaf", study, series, "ct-lesion-classifier"),
        };

        Assert.Multiple(() =>
        {
            Assert.That(_validation.ReasonToReject(WithUids("1.2.3\n", "1.2.3.4")), Does.StartWith("studyInstanceUid must be a DICOM UID"));
            Assert.That(_validation.ReasonToReject(WithUids("1.2.3", "1.2.3.4\n")), Does.StartWith("seriesInstanceUid must be a DICOM UID"));
            Assert.That(_validation.ReasonToReject(WithUids("1.2.3", "1.02.3")), Does.StartWith("seriesInstanceUid must be a DICOM UID"));
        });
    }

    [TestCase("MedPipeline.Contracts:PredictSeries", "other-hospital", true)]
    [TestCase("series-state", "other-hospital", true)]
    [TestCase("predict-series-from-st-olaf", "st-olaf", true)]
    [TestCase("predict-series-from-st-olaf", "other-hospital", false)]
    [TestCase("predict-series-from-", "st-olaf", false)]
    [TestCase("", "st-olaf", false)]
    [TestCase(null, "st-olaf", false)]
    [TestCase("unpack-series-archive", "st-olaf", false)]
    public void The_exchange_it_was_published_to_decides_which_organization_it_may_name(string? exchange, string organization, bool accepted) =>
        Assert.That(PredictSeriesPublisher.ReasonToReject(exchange, "series-state", organization), accepted ? Is.Null : Is.Not.Null);

    private static PredictSeries Valid(string organization = "st-olaf", string modelType = "ct-lesion-classifier") => new()
    {
        CorrelationId = SeriesCorrelation.For(organization, "1.2.3", "1.2.3.4", modelType),
        RequestId = Guid.NewGuid(), SeriesId = "backend-1", Organization = organization, StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4",
        ModelType = modelType, ArchiveKey = $"archives/{organization}/a.zip", SubmittedAt = DateTimeOffset.UtcNow,
    };
}
