-- MedPipeline's login roles, cluster-wide. Run as a superuser after setting the two passwords in the
-- session (they never appear in this file or in a statement log):
--   SELECT set_config('medpipe.orchestrator_password', '...', false), set_config('medpipe.gateway_password', '...', false);
-- initdb.sh does that for docker-compose; the test and demo fixtures (PrivatePostgres) run this same file.
-- Idempotent: running it again sets the passwords again (rotation). Then run medpipeline-database.sql
-- in each pipeline database.
SET password_encryption = 'scram-sha-256';

DO $roles$
DECLARE
    login text;
    secret text;
BEGIN
    -- One run at a time (test processes sharing a server start together): concurrent ALTER ROLE fails.
    PERFORM pg_advisory_xact_lock(hashtext('medpipeline-roles'));
    FOREACH login IN ARRAY ARRAY['orchestrator', 'gateway'] LOOP
        secret := coalesce(current_setting('medpipe.' || login || '_password', true), '');
        IF length(secret) < 16 THEN
            RAISE EXCEPTION 'medpipe.%_password is missing or shorter than 16 characters', login;
        END IF;
        IF to_regrole('medpipe_' || login) IS NULL THEN
            EXECUTE format('CREATE ROLE %I', 'medpipe_' || login);
        END IF;
        -- Log in and nothing else cluster-wide: no superuser, no new databases or roles, no replication,
        -- no row-security bypass, and NOINHERIT so a later membership grants nothing by accident.
        EXECUTE format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT PASSWORD %L',
            'medpipe_' || login, secret);
    END LOOP;
END
$roles$;
