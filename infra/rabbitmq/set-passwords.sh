#!/usr/bin/env bash
# Creates docker-compose's broker users and permissions from definitions.json, then sets their passwords
# (definitions.json has none, so nobody can log in as them before this runs): one per service, the ingress user of the organization "hospital" and the gateway's failure-queue user medpipeline-ops. Run it once the
# rabbitmq container is up, with the same MEDPIPE_BROKER_*_PASSWORD variables docker-compose.yml gives the services.
# COMPOSE is the compose command with its files (default "docker compose"; e.g. "docker-compose -f docker-compose.yml
# -f infra/compose.host-network.yml" on the machines without a registry).
set -euo pipefail
cd "$(dirname "$0")/../.."
declare -A passwords=(
  [medpipeline-gateway]="${MEDPIPE_BROKER_GATEWAY_PASSWORD:?}"
  [medpipeline-orchestrator]="${MEDPIPE_BROKER_ORCHESTRATOR_PASSWORD:?}"
  [medpipeline-unpacker]="${MEDPIPE_BROKER_UNPACKER_PASSWORD:?}"
  [medpipeline-preprocessor]="${MEDPIPE_BROKER_PREPROCESSOR_PASSWORD:?}"
  [medpipeline-inference]="${MEDPIPE_BROKER_INFERENCE_PASSWORD:?}"
  [medpipeline-status-callback]="${MEDPIPE_BROKER_STATUSCALLBACK_PASSWORD:?}"
  [ingress-hospital]="${MEDPIPE_BROKER_INGRESS_PASSWORD:?}"
  [medpipeline-ops]="${MEDPIPE_BROKER_OPS_PASSWORD:?}"
)
# Imported here, not with load_definitions at boot: a broker that loads definitions at boot skips
# RABBITMQ_DEFAULT_USER, and the administrator would never exist. The import leaves the administrator alone.
# A node that answers ping may still be booting the rabbit app, and the import needs the app: wait for it first
# (a clean-clone CI run once got "requires the 'rabbit' app to be running" here).
# shellcheck disable=SC2086 # COMPOSE is a command line.
${COMPOSE:-docker compose} exec -T rabbitmq rabbitmqctl await_startup --timeout 120
# shellcheck disable=SC2086 # COMPOSE is a command line.
${COMPOSE:-docker compose} exec -T rabbitmq rabbitmqctl import_definitions /etc/rabbitmq/medpipeline-definitions.json
pairs=()
for user in "${!passwords[@]}"; do
  password=${passwords[$user]}
  [[ $password =~ ^[A-Za-z0-9._~-]+$ ]] ||
    { echo "set-passwords: the password of $user must be URL-safe (A-Z a-z 0-9 . _ ~ -): it goes into amqp:// URIs" >&2; exit 1; }
  pairs+=("{<<\"$user\">>, <<\"$password\">>}")
done
list=$(IFS=,; echo "${pairs[*]}")
# One rabbitmqctl run for every user (each run starts an Erlang VM, seconds apiece). The passwords are in its
# arguments inside the container for the moment it runs.
# shellcheck disable=SC2086 # COMPOSE is a command line.
${COMPOSE:-docker compose} exec -T rabbitmq rabbitmqctl eval \
  "[ok = rabbit_auth_backend_internal:change_password(U, P, <<\"set-passwords.sh\">>) || {U, P} <- [$list]], ok."
