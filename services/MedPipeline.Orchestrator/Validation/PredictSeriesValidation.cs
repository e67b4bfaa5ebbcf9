using MedPipeline.Contracts;
using MedPipeline.Organizations;
using MedPipeline.Storage;

namespace MedPipeline.Orchestrator.Validation;

/// <summary>
/// Whether a <see cref="PredictSeries"/> may be processed. It can come from the gateway or straight from a
/// backend on the broker (direct enqueue), so nothing in it is trusted: the correlation id must be the one
/// its fields give, each field must pass the gateway's syntax rules (<see cref="SeriesRequestFields"/>), the organization must be configured here, the archive must lie under that organization's
/// prefix in the store, and the model must exist. The reasons name no patient data, file path or key.
/// </summary>
public sealed class PredictSeriesValidation(OrganizationDirectory organizations, IModelSupport models)
{
    /// <summary>Why the command is refused, or null when it may be processed.</summary>
    public string? ReasonToReject(PredictSeries command)
    {
        ArgumentNullException.ThrowIfNull(command);
        string?[] required = [command.Organization, command.StudyInstanceUid, command.SeriesInstanceUid, command.ModelType, command.SeriesId, command.ArchiveKey];
        if (required.Any(string.IsNullOrEmpty))
        {
            return "a required field is missing (organization, studyInstanceUid, seriesInstanceUid, modelType, seriesId, archiveKey)";
        }

        if (MalformedField(command) is { } malformed)
        {
            return malformed;
        }

        if (command.CorrelationId != SeriesCorrelation.For(command.Organization, command.StudyInstanceUid, command.SeriesInstanceUid, command.ModelType))
        {
            return "the correlation id is not the one of its organization, study, series and model type";
        }

        if (!organizations.TryGet(command.Organization, out _))
        {
            return "the organization is not configured";
        }

        if (!StoreLayout.IsArchiveOf(command.Organization, command.ArchiveKey))
        {
            return $"the archive key is not a plain key under {StoreLayout.ArchivesOf(command.Organization)}/";
        }

        return models.IsKnown(command.ModelType) ? null : "the model type is unknown";
    }

    /// <summary>The gateway's own field rules (a direct-enqueue command gets no easier check), naming the field, never its value.</summary>
    private static string? MalformedField(PredictSeries command)
    {
        (string Field, string? Problem)[] checks =
        [
            ("seriesId", SeriesRequestFields.SeriesId(command.SeriesId)),
            ("studyInstanceUid", SeriesRequestFields.Uid(command.StudyInstanceUid)),
            ("seriesInstanceUid", SeriesRequestFields.Uid(command.SeriesInstanceUid)),
            ("organization", SeriesRequestFields.Name(command.Organization)),
            ("modelType", SeriesRequestFields.Name(command.ModelType)),
        ];
        return checks.FirstOrDefault(c => c.Problem is not null) is { Problem: { } problem } bad ? $"{bad.Field} {problem}" : null;
    }
}
