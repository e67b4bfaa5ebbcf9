#!/bin/sh
# The official image's entry point, for Debian's rabbitmq-server (3.10, which does not read RABBITMQ_DEFAULT_USER/PASS):
# the administrator from those variables, logs on the console (not in /var/log); /etc/rabbitmq/conf.d is read as
# well. The configuration holds a password, so it goes to a private file on /tmp (a tmpfs under docker-compose), not into the image.
set -eu
conf_dir=$(mktemp -d)
{
  printf 'log.console = true\nlog.console.level = warning\nlog.file = false\n'
  if [ -n "${RABBITMQ_DEFAULT_USER:-}" ]; then
    printf 'default_user = %s\ndefault_pass = %s\n' "$RABBITMQ_DEFAULT_USER" "${RABBITMQ_DEFAULT_PASS:?set RABBITMQ_DEFAULT_PASS}"
    printf 'default_user_tags.administrator = true\ndefault_permissions.configure = .*\ndefault_permissions.write = .*\ndefault_permissions.read = .*\n'
  fi
} >"$conf_dir/rabbitmq.conf"
chmod 600 "$conf_dir/rabbitmq.conf"
export RABBITMQ_CONFIG_FILE="$conf_dir/rabbitmq.conf"
# The root file system is read-only: the few files RabbitMQ still writes beside the console (its upgrade log,
# a crash dump) go to /tmp.
export RABBITMQ_LOG_BASE="$conf_dir" ERL_CRASH_DUMP="$conf_dir/erl_crash.dump"
unset RABBITMQ_DEFAULT_PASS
if [ "${1:-}" = rabbitmq-server ]; then
  # Debian's /usr/sbin/rabbitmq-server sends the output to /var/log/rabbitmq; here it belongs on the console.
  shift
  cd /var/lib/rabbitmq
  exec /usr/lib/rabbitmq/bin/rabbitmq-server "$@"
fi
exec "$@"
