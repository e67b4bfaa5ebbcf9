-- What each MedPipeline role may do in one pipeline database. Run as a superuser connected to that
-- database, after medpipeline-roles.sql. Idempotent.
--   medpipe_orchestrator: owns schema public (the saga table series_state, mp_outbox, mp_inbox,
--     mp_schema_version: it creates and migrates them at start-up) and schema medpipe_read (the
--     status read model series_status). Owning is all it needs; no CREATE on the database itself.
--   medpipe_gateway: CONNECT, USAGE on medpipe_read and SELECT on its tables; nothing in public,
--     no INSERT/UPDATE/DELETE anywhere. Default privileges keep that true for read-model tables the
--     orchestrator creates later.
DO $grants$
BEGIN
    -- Only our two roles connect (PUBLIC's default CONNECT and TEMP go); neither needs temporary tables.
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO medpipe_orchestrator, medpipe_gateway', current_database());
    IF to_regnamespace('medpipe_read') IS NULL THEN
        CREATE SCHEMA medpipe_read;
    END IF;
END
$grants$;

ALTER SCHEMA public OWNER TO medpipe_orchestrator;
ALTER SCHEMA medpipe_read OWNER TO medpipe_orchestrator;
-- PUBLIC's default USAGE on public goes: the gateway cannot even name the orchestrator's private tables.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON SCHEMA medpipe_read FROM PUBLIC;
GRANT USAGE ON SCHEMA medpipe_read TO medpipe_gateway;
-- Read-model tables that already exist (a database upgraded to roles) and every one created later.
GRANT SELECT ON ALL TABLES IN SCHEMA medpipe_read TO medpipe_gateway;
ALTER DEFAULT PRIVILEGES FOR ROLE medpipe_orchestrator IN SCHEMA medpipe_read GRANT SELECT ON TABLES TO medpipe_gateway;
