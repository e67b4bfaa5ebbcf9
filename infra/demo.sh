#!/usr/bin/env bash
# The README's main command: set-up, then the demo stack (Ctrl-C stops everything it started).
# Pass --start-only to keep the stack up for your own series without the sample submissions.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
bash "$here/setup.sh"
for project in MedPipeline.Cli MedPipeline.Gateway; do
  dotnet build "$root/services/$project/$project.csproj" --configuration Release --no-restore --verbosity quiet >/dev/null
done
exec dotnet "$root/services/MedPipeline.Cli/bin/Release/net10.0/medpipe.dll" demo --checkout "$root" \
  --gateway "$root/services/MedPipeline.Gateway/bin/Release/net10.0/MedPipeline.Gateway.dll" "$@"
