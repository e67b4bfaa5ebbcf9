using System.Text.Json.Nodes;

namespace MedPipeline.Gateway.DicomWeb;

/// <summary>
/// The Store Instances Response Module (PS3.18 §10.5.3) in DICOM JSON (PS3.18 Annex F): Retrieve URL of the study,
/// ReferencedSOPSequence for the stored instances, FailedSOPSequence with a Failure Reason for the others.
/// </summary>
public static class StowResponse
{
    public const string MediaType = "application/dicom+json";

    /// <summary>200 when every instance was stored, 409 when none was, 202 when some were.</summary>
    public static int StatusOf(IReadOnlyList<StowOutcome> outcomes) =>
        outcomes.All(o => o.Stored) ? StatusCodes.Status200OK
        : outcomes.Any(o => o.Stored) ? StatusCodes.Status202Accepted
        : StatusCodes.Status409Conflict;

    public static JsonObject Build(IReadOnlyList<StowOutcome> outcomes, string baseUrl, string? study)
    {
        var response = new JsonObject();
        if ((study ?? outcomes.FirstOrDefault(o => o.Stored)?.StudyInstanceUid) is { } studyUid)
        {
            response["00081190"] = Element("UR", $"{baseUrl}/studies/{studyUid}");
        }

        var failed = outcomes.Where(o => !o.Stored).Select(o =>
        {
            var item = Reference(o);
            item["00081197"] = new JsonObject { ["vr"] = "US", ["Value"] = new JsonArray(JsonValue.Create((int)o.FailureReason!.Value)) };
            return item;
        }).ToList();
        if (failed.Count > 0)
        {
            response["00081198"] = Sequence(failed);
        }

        var stored = outcomes.Where(o => o.Stored).Select(o =>
        {
            var item = Reference(o);
            item["00081190"] = Element("UR", $"{baseUrl}/studies/{o.StudyInstanceUid}/series/{o.SeriesInstanceUid}/instances/{o.SopInstanceUid}");
            return item;
        }).ToList();
        if (stored.Count > 0)
        {
            response["00081199"] = Sequence(stored);
        }

        return response;
    }

    private static JsonObject Reference(StowOutcome outcome)
    {
        var item = new JsonObject();
        if (outcome.SopClassUid is { } sopClass)
        {
            item["00081150"] = Element("UI", sopClass);
        }

        if (outcome.SopInstanceUid is { } sop)
        {
            item["00081155"] = Element("UI", sop);
        }

        return item;
    }

    private static JsonObject Element(string vr, string value) => new() { ["vr"] = vr, ["Value"] = new JsonArray(JsonValue.Create(value)) };

    private static JsonObject Sequence(List<JsonObject> items) => new() { ["vr"] = "SQ", ["Value"] = new JsonArray([.. items]) };
}
