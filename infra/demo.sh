#!/usr/bin/env bash
# The README's main command: set-up, build, then the whole pipeline on loopback with sample series
# (Ctrl-C stops everything it started). Options are medpipe demo's: --start-only keeps the stack up
# for your own series without the samples; --exit-when-done stops once the samples have their callbacks.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
bash "$here/setup.sh"
for project in MedPipeline.Cli MedPipeline.Gateway MedPipeline.Orchestrator MedPipeline.Unpacker MedPipeline.Preprocessor \
  MedPipeline.Inference MedPipeline.StatusCallback dev/MedPipeline.SampleBackend; do
  dotnet build "$root/services/$project/${project#dev/}.csproj" --configuration Release --no-restore --verbosity quiet >/dev/null
done
exec dotnet "$root/services/MedPipeline.Cli/bin/Release/net10.0/medpipe.dll" demo --checkout "$root" "$@"
