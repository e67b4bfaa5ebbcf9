using MedPipeline.Gateway.Uploads;
using Microsoft.Extensions.Options;

namespace MedPipeline.Gateway.DicomWeb;

/// <summary>Which model a closed series runs: the first configured route that matches, or none (the series is then not supported).</summary>
public sealed class DicomWebSeriesRouter(IOptions<DicomWebOptions> options, IModelCatalog models)
{
    public string? ModelFor(PendingSeries series) =>
        options.Value.Routes.FirstOrDefault(route => route.Matches(series) && models.ModelTypes.Contains(route.ModelType))?.ModelType;

    public static string NoRouteReason(PendingSeries series) =>
        $"no DICOMweb routing rule matches this series (organization {series.Organization}, modality {series.Modality ?? "(none)"}, "
        + $"body part {series.BodyPart ?? "(none)"}); configure Gateway:DicomWeb:Routes";
}
