using System.ComponentModel.DataAnnotations;
using MedPipeline.Gateway.DicomWeb;
using MedPipeline.Gateway.Uploads;

namespace MedPipeline.Gateway.Tests;

public sealed class When_DICOMweb_series_are_routed
{
    private static readonly PendingSeries Chest = new()
    {
        Organization = "st-olaf", StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4", Modality = "CT", BodyPart = "CHEST", SeriesDescription = "Thorax 1.25mm lung",
    };

    [Test]
    public void The_first_matching_rule_wins()
    {
        var router = Router(
            new DicomWebRoute { Organization = "other-hospital", ModelType = "digit-classifier" },
            new DicomWebRoute { Modality = "ct", BodyPart = "chest", SeriesDescriptionPattern = "lung", ModelType = "ct-lesion-classifier" },
            new DicomWebRoute { ModelType = "digit-classifier" });

        Assert.That(router.ModelFor(Chest), Is.EqualTo("ct-lesion-classifier"));
        Assert.That(router.ModelFor(Chest with { SeriesDescription = "scout" }), Is.EqualTo("digit-classifier"), "the catch-all after it");
    }

    [Test]
    public void No_matching_rule_is_no_model_and_the_reason_names_what_was_looked_at()
    {
        var router = Router(new DicomWebRoute { Modality = "MR", ModelType = "ct-lesion-classifier" });

        Assert.That(router.ModelFor(Chest), Is.Null);
        Assert.That(DicomWebSeriesRouter.NoRouteReason(Chest), Does.Contain("modality CT").And.Contain("body part CHEST").And.Contain("Gateway:DicomWeb:Routes"));
    }

    [Test]
    public void A_rule_naming_a_model_that_is_not_loaded_is_skipped()
    {
        var router = Router(new DicomWebRoute { ModelType = "retired-model" }, new DicomWebRoute { Modality = "CT", ModelType = "ct-lesion-classifier" });

        Assert.That(router.ModelFor(Chest), Is.EqualTo("ct-lesion-classifier"));
    }

    [Test]
    public void A_rule_without_a_model_or_with_a_broken_pattern_fails_validation_naming_the_rule()
    {
        var options = new DicomWebOptions
        {
            Routes = [new DicomWebRoute { ModelType = "ct-lesion-classifier" }, new DicomWebRoute { SeriesDescriptionPattern = "([unclosed", ModelType = "" }],
        };
        var results = new List<ValidationResult>();

        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.That(valid, Is.False);
        Assert.That(results.Select(r => r.ErrorMessage), Is.EquivalentTo(new[]
        {
            "Gateway:DicomWeb:Routes:1: ModelType is required",
            "Gateway:DicomWeb:Routes:1: SeriesDescriptionPattern '([unclosed' is not a valid regular expression",
        }));
    }

    private static DicomWebSeriesRouter Router(params DicomWebRoute[] routes) =>
        new(Microsoft.Extensions.Options.Options.Create(new DicomWebOptions { Routes = [.. routes] }), new Catalog());

    private sealed class Catalog : IModelCatalog
    {
        public IReadOnlyCollection<string> ModelTypes { get; } = new HashSet<string> { "ct-lesion-classifier", "digit-classifier" };
    }
}
