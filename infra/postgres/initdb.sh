#!/bin/sh
# docker-entrypoint-initdb.d step of docker-compose's PostgreSQL (first start of an empty volume only):
# MedPipeline's roles and grants, from the same SQL files the test fixtures run. The passwords reach
# the server as psql variables inside one session, never on a command line or in a file.
set -eu
: "${MEDPIPE_ORCHESTRATOR_DB_PASSWORD:?set MEDPIPE_ORCHESTRATOR_DB_PASSWORD}"
: "${MEDPIPE_GATEWAY_DB_PASSWORD:?set MEDPIPE_GATEWAY_DB_PASSWORD}"
sql=${MEDPIPE_POSTGRES_SQL:-/medpipeline/postgres}
{
  printf '%s\n' '\o /dev/null' \
    "SELECT set_config('medpipe.orchestrator_password', :'orchestrator_password', false), set_config('medpipe.gateway_password', :'gateway_password', false);" \
    '\o'
  cat "$sql/medpipeline-roles.sql" "$sql/medpipeline-database.sql"
} | psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v orchestrator_password="$MEDPIPE_ORCHESTRATOR_DB_PASSWORD" -v gateway_password="$MEDPIPE_GATEWAY_DB_PASSWORD"
