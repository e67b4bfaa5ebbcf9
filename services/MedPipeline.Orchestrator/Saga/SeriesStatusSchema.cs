using MedPipeline.Persistence.Schema;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>
/// The DDL of <see cref="SeriesStatusTable"/>. Indexed for the gateway's lookup by the request's
/// natural key and for operations listing series by organization, state and age. Version 1 back-fills
/// the series that existed before the table from the saga rows (stages were stored lower-case then).
/// The table lives in its own schema, <see cref="SeriesStatusTable.Schema"/>: the database grants
/// (infra/postgres/medpipeline-database.sql) let the gateway's role SELECT what the orchestrator creates
/// there, and nothing in public. Version 2 moves a table version 1 created in public before that. Version 3 adds
/// archive_key (the upload a rerun starts from), back-filled from the saga rows: a finished series' key may name an
/// upload already deleted, which is why the gateway checks the store before it asks for a rerun. Version 4 adds heatmaps
/// (the contract's InstanceHeatmap list as JSON, empty for older rows): the status answer links each PNG. Version 5 adds
/// dicom_results (the SR and heatmap UIDs, each DICOMweb export's outcome, or why none were made) and dicom_results_at.
/// </summary>
internal static class SeriesStatusSchema
{
    private const string Component = $"read-model:{SeriesStatusTable.TableName}";
    private const string Table = SeriesStatusTable.Name;
    private const string Saga = SeriesStateTable.Name;

    // Where roles are in use the grants script created the schema (owned by the orchestrator's role,
    // which may not create schemas itself); a superuser's database gets it here.
    private const string EnsureSchema = $"""
        DO $schema$ BEGIN
            IF to_regnamespace('{SeriesStatusTable.Schema}') IS NULL THEN CREATE SCHEMA {SeriesStatusTable.Schema}; END IF;
        END $schema$;
        """;

    public static Migration Version1 { get; } = new(Component, 1, $$"""
        {{EnsureSchema}}
        CREATE TABLE IF NOT EXISTS {{Table}} (
            correlation_id uuid PRIMARY KEY,
            organization text NOT NULL,
            study_instance_uid text NOT NULL,
            series_instance_uid text NOT NULL,
            model_type text NOT NULL,
            state text NOT NULL,
            status text NULL,
            stage text NULL,
            reason text NULL,
            attempt integer NOT NULL,
            attempt_id uuid NOT NULL,
            modality text NULL,
            instance_count integer NULL,
            image_instance_count integer NULL,
            total_bytes bigint NULL,
            received_at timestamptz NULL,
            unpacking_started_at timestamptz NULL,
            unpacked_at timestamptz NULL,
            preprocessed_at timestamptz NULL,
            inferred_at timestamptz NULL,
            finished_at timestamptz NULL,
            prediction jsonb NULL,
            callbacks jsonb NOT NULL DEFAULT '{}',
            updated_at timestamptz NOT NULL DEFAULT now());
        CREATE INDEX IF NOT EXISTS {{SeriesStatusTable.TableName}}_series ON {{Table}} (organization, series_instance_uid, model_type);
        CREATE INDEX IF NOT EXISTS {{SeriesStatusTable.TableName}}_state_age ON {{Table}} (organization, state, updated_at);
        INSERT INTO {{Table}} (correlation_id, organization, study_instance_uid, series_instance_uid, model_type, state, status, stage, reason,
            attempt, attempt_id, modality, instance_count, image_instance_count, total_bytes, received_at, unpacking_started_at, unpacked_at,
            preprocessed_at, inferred_at, finished_at, prediction, callbacks, updated_at)
        SELECT correlation_id, data->>'Organization', data->>'StudyInstanceUid', data->>'SeriesInstanceUid', data->>'ModelType', current_state,
            data->>'Status', initcap(data->>'Stage'), data->>'Reason', (data->>'Attempts')::integer, (data->>'AttemptId')::uuid,
            data->>'Modality', (data->>'InstanceCount')::integer, (data->>'ImageInstanceCount')::integer, (data->>'TotalBytes')::bigint,
            (data->>'ReceivedAt')::timestamptz, (data->>'UnpackingStartedAt')::timestamptz, (data->>'UnpackedAt')::timestamptz,
            (data->>'PreprocessedAt')::timestamptz, (data->>'InferredAt')::timestamptz, (data->>'FinishedAt')::timestamptz,
            nullif(data->'Prediction', 'null'::jsonb), coalesce(nullif(data->'CallbackOutcomes', 'null'::jsonb), '{}'::jsonb), updated_at
        FROM {{Saga}}
        ON CONFLICT (correlation_id) DO NOTHING;
        """);

    public static Migration Version2 { get; } = new(Component, 2, $"""
        {EnsureSchema}
        ALTER TABLE IF EXISTS public.{SeriesStatusTable.TableName} SET SCHEMA {SeriesStatusTable.Schema};
        """);

    public static Migration Version3 { get; } = new(Component, 3, $"""
        ALTER TABLE {Table} ADD COLUMN IF NOT EXISTS archive_key text NULL;
        UPDATE {Table} AS status SET archive_key = nullif(saga.data->>'ArchiveKey', '')
        FROM {Saga} AS saga
        WHERE saga.correlation_id = status.correlation_id AND status.archive_key IS NULL;
        """);

    public static Migration Version4 { get; } = new(Component, 4, $"""
        ALTER TABLE {Table} ADD COLUMN IF NOT EXISTS heatmaps jsonb NOT NULL DEFAULT '[]';
        """);

    public static Migration Version5 { get; } = new(Component, 5, $"""
        ALTER TABLE {Table} ADD COLUMN IF NOT EXISTS dicom_results jsonb NULL;
        ALTER TABLE {Table} ADD COLUMN IF NOT EXISTS dicom_results_at timestamptz NULL;
        """);

    /// <summary>
    /// Version 6 (4 and 5 are heatmaps and DICOM output): a completed series' embedding and the model it came from, and the
    /// index the gateway's similar-case search reads new rows by (organization, model, last change).
    /// </summary>
    public static Migration Version6 { get; } = new(Component, 6, $"""
        ALTER TABLE {Table} ADD COLUMN IF NOT EXISTS embedding real[] NULL;
        ALTER TABLE {Table} ADD COLUMN IF NOT EXISTS embedding_model text NULL;
        CREATE INDEX IF NOT EXISTS {SeriesStatusTable.TableName}_model_age ON {Table} (organization, model_type, updated_at);
        """);
}
