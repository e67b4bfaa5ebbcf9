using System.Globalization;
using MedPipeline.Dicom.Writing;

namespace MedPipeline.Dicom.Reports;

/// <summary>Content items of an SR tree (PS3.3 C.17.3): each an item of a Content Sequence, related to its parent by CONTAINS.</summary>
internal static class SrContentItems
{
    public static DicomWriter Text(CodedConcept concept, string value) =>
        Item("TEXT", concept).Text(SrTags.TextValue, "UT", value);

    public static DicomWriter Code(CodedConcept concept, CodedConcept value) =>
        Item("CODE", concept).Sequence(SrTags.ConceptCodeSequence, [value.ToItem()]);

    public static DicomWriter Number(CodedConcept concept, double value, CodedConcept units) =>
        Item("NUM", concept).Sequence(SrTags.MeasuredValueSequence,
        [
            new DicomWriter()
                .Sequence(SrTags.MeasurementUnitsCodeSequence, [units.ToItem()])
                .Text(SrTags.NumericValue, "DS", Decimal(value)),
        ]);

    public static DicomWriter Image(CodedConcept concept, SourceInstance image) =>
        Item("IMAGE", concept).Sequence(SrTags.ReferencedSopSequence, [image.Reference()]);

    /// <summary>A DS value (at most 16 characters): fixed notation when it fits, else exponent form.</summary>
    public static string Decimal(double value)
    {
        var text = value.ToString("0.##########", CultureInfo.InvariantCulture);
        return text.Length <= 16 ? text : value.ToString("0.########E+0", CultureInfo.InvariantCulture);
    }

    private static DicomWriter Item(string valueType, CodedConcept concept) => new DicomWriter()
        .Text(SrTags.RelationshipType, "CS", "CONTAINS")
        .Text(SrTags.ValueType, "CS", valueType)
        .Sequence(SrTags.ConceptNameCodeSequence, [concept.ToItem()]);
}
