#!/usr/bin/env bash
# The README's main command: set-up, then the demo stack (Ctrl-C stops everything it started).
# Pass --start-only to keep the stack up for your own series without the sample submissions.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
bash "$here/setup.sh"
dotnet build "$root/services/MedPipeline.Cli/MedPipeline.Cli.csproj" --configuration Release --no-restore --verbosity quiet >/dev/null
exec dotnet "$root/services/MedPipeline.Cli/bin/Release/net10.0/medpipe.dll" demo --checkout "$root" "$@"
