namespace MedPipeline.Benchmarks;

/// <summary>
/// The status read model's columns as the orchestrator's migrations leave them (versions 1 to 6), for a benchmark that
/// fills it directly without running a saga.
/// </summary>
internal static class SimilarCaseTable
{
    public const string Create = """
        CREATE TABLE medpipe_read.series_status (correlation_id uuid PRIMARY KEY, organization text NOT NULL, study_instance_uid text NOT NULL,
            series_instance_uid text NOT NULL, model_type text NOT NULL, state text NOT NULL, status text, stage text, reason text, attempt integer NOT NULL,
            attempt_id uuid NOT NULL, modality text, instance_count integer, image_instance_count integer, total_bytes bigint, received_at timestamptz,
            unpacking_started_at timestamptz, unpacked_at timestamptz, preprocessed_at timestamptz, inferred_at timestamptz, finished_at timestamptz,
            prediction jsonb, callbacks jsonb NOT NULL DEFAULT '{}', updated_at timestamptz NOT NULL DEFAULT now(), archive_key text,
            heatmaps jsonb NOT NULL DEFAULT '[]', dicom_results jsonb, dicom_results_at timestamptz,
            embedding real[], embedding_model text);
        CREATE INDEX series_status_series ON medpipe_read.series_status (organization, series_instance_uid, model_type);
        CREATE INDEX series_status_model_age ON medpipe_read.series_status (organization, model_type, updated_at);
        """;
}
