#!/bin/bash
# Docker health check of a MedPipeline service: GET <path> on the port the service listens on answers 200.
# bash's /dev/tcp, because neither the upstream .NET runtime image nor ours carries curl or wget.
set -eu
path=${1:-/health/ready}
urls=${ASPNETCORE_URLS:-http://+:${ASPNETCORE_HTTP_PORTS:-8080}}
port=${urls##*:}
port=${port%%/*}
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&3
IFS= read -r status <&3
case "$status" in "HTTP/1."?" 200 "*) exit 0 ;; *) exit 1 ;; esac
