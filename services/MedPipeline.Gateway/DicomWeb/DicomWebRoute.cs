using System.Text.RegularExpressions;

namespace MedPipeline.Gateway.DicomWeb;

/// <summary>
/// One routing rule: every condition that is set must hold (organization, modality and body part compare
/// case-insensitively; the series description is a regular expression); the series then runs <see cref="ModelType"/>.
/// </summary>
public sealed class DicomWebRoute
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);
    private Regex? _description;

    public string? Organization { get; set; }

    public string? Modality { get; set; }

    public string? BodyPart { get; set; }

    public string? SeriesDescriptionPattern { get; set; }

    public string ModelType { get; set; } = "";

    public bool Matches(PendingSeries series) =>
        Same(Organization, series.Organization) && Same(Modality, series.Modality) && Same(BodyPart, series.BodyPart)
        && (SeriesDescriptionPattern is null || DescriptionRegex().IsMatch(series.SeriesDescription ?? ""));

    public override string ToString() =>
        $"organization={Organization ?? "*"} modality={Modality ?? "*"} bodyPart={BodyPart ?? "*"} description~{SeriesDescriptionPattern ?? "*"} -> {ModelType}";

    internal IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ModelType))
        {
            yield return "ModelType is required";
        }

        if (SeriesDescriptionPattern is not null && !Compiles(SeriesDescriptionPattern))
        {
            yield return $"SeriesDescriptionPattern '{SeriesDescriptionPattern}' is not a valid regular expression";
        }
    }

    private static bool Same(string? wanted, string? actual) =>
        string.IsNullOrEmpty(wanted) || string.Equals(wanted, actual, StringComparison.OrdinalIgnoreCase);

    private Regex DescriptionRegex() =>
        _description ??= new Regex(SeriesDescriptionPattern!, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);

    private static bool Compiles(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, MatchTimeout);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
