using MedPipeline.Dicom.Writing;

namespace MedPipeline.Dicom.Reports;

/// <summary>A code (value, coding scheme, meaning) as an item of a code sequence.</summary>
public sealed record CodedConcept(string Value, string Scheme, string Meaning)
{
    public DicomWriter ToItem() => new DicomWriter()
        .Text(SrTags.CodeValue, "SH", Value)
        .Text(SrTags.CodingSchemeDesignator, "SH", Scheme)
        .Text(SrTags.CodeMeaning, "LO", Meaning);
}
