namespace MedPipeline.Gateway.Tests;

/// <summary>
/// The read model's series_status table with the columns the gateway reads, for fixtures that fill it by hand. Their
/// INSERTs list values in this column order, so a new column goes at the end.
/// </summary>
internal static class SeriesStatusTable
{
    public const string Create = """
        CREATE TABLE medpipe_read.series_status (correlation_id uuid PRIMARY KEY, organization text, study_instance_uid text, series_instance_uid text,
            model_type text, state text, status text, stage text, reason text, attempt integer, attempt_id uuid, modality text,
            instance_count integer, image_instance_count integer, total_bytes bigint, received_at timestamptz, unpacking_started_at timestamptz,
            unpacked_at timestamptz, preprocessed_at timestamptz, inferred_at timestamptz, finished_at timestamptz, prediction jsonb,
            callbacks jsonb, updated_at timestamptz, heatmaps jsonb, dicom_results jsonb, dicom_results_at timestamptz, archive_key text);
        """;
}
