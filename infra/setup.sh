#!/usr/bin/env bash
# One idempotent set-up step for a Debian 12 machine with the .NET 10 SDK.
# Used by infra/demo.sh, infra/test.sh and CI. A second run on a ready machine does no download.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=infra/versions.env
source "$here/versions.env"

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

command -v dotnet >/dev/null 2>&1 ||
  die "the .NET SDK is missing: install the .NET 10 SDK (https://dot.net) and put 'dotnet' on PATH."
dotnet --list-sdks | grep -q '^10\.' ||
  die "no .NET 10 SDK found ('dotnet --list-sdks' lists none starting with 10.): install the .NET 10 SDK."

# --- Debian packages -----------------------------------------------------------------------
apt_packages=(
  rabbitmq-server      # private broker started by the test fixtures and the demo
  postgresql           # saga, outbox and timeouts store
  libgdcm-cil          # JPEG-family / JPEG 2000 codecs, only inside child decoder processes
  libgdcm-tools        # gdcmconv: makes JPEG-family test files
  dcmtk                # dcmdjpeg/dcmdjpls reference decoders for the corpus test
  libspng0             # PNG decoding
  libturbojpeg0        # JPEG decoding
  python3-pydicom      # ships the real DICOM corpus the tests read
  python3-numpy        # pydicom's reference pixel decoding in tests
  python3-pil          # pydicom's JPEG reference decoding, and PNG/JPEG test images
  chromium             # browser tests (Playwright drives Debian's chromium)
  procps               # ps/pkill-free PID checks in fixtures
  unzip
)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# npm may come from Node's own packages instead of Debian's: ask for the command, not the package.
command -v npm >/dev/null 2>&1 || missing+=(npm)
if ((${#missing[@]})); then
  command -v apt-get >/dev/null 2>&1 || die "missing Debian packages: ${missing[*]} (and no apt-get here)."
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "missing Debian packages: ${missing[*]}; run as root or install sudo."
    sudo="sudo"
  fi
  say "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq || die "apt-get update failed: check the Debian mirror is reachable."
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    die "apt-get install ${missing[*]} failed: see the output above."
fi

# --- ONNX Runtime native library --------------------------------------------------------------
# From the npm package (the NuGet packages are not on the mirror). Only the one .so is taken; the
# package's install script is never run.
ort_dir="${MEDPIPE_CACHE:-$HOME/.cache/medpipeline}/onnxruntime-$ORT_VERSION"
ort_lib="$ort_dir/libonnxruntime.so.1"
have_sha() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]; }
if ! have_sha "$ort_lib" "$ORT_SHA256"; then
  command -v npm >/dev/null 2>&1 || die "npm is missing: apt-get install npm."
  say "fetching onnxruntime-node@$ORT_VERSION (native library only)"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack "onnxruntime-node@$ORT_VERSION" --ignore-scripts --silent >/dev/null) ||
    die "npm pack onnxruntime-node@$ORT_VERSION failed: check the npm registry is reachable."
  tar -xzf "$tmp/onnxruntime-node-$ORT_VERSION.tgz" -C "$tmp" "package/$ORT_NPM_PATH" ||
    die "the npm package has no $ORT_NPM_PATH."
  have_sha "$tmp/package/$ORT_NPM_PATH" "$ORT_SHA256" ||
    die "sha256 of $ORT_NPM_PATH does not match the pinned $ORT_SHA256; refusing to use it."
  mkdir -p "$ort_dir"
  install -m 0644 "$tmp/package/$ORT_NPM_PATH" "$ort_lib"
fi

# --- .NET packages --------------------------------------------------------------------------
say "restoring .NET packages"
dotnet restore "$root/MedPipeline.sln" --verbosity quiet >/dev/null ||
  die "dotnet restore failed: run 'dotnet restore MedPipeline.sln' to see which package is missing."

say "ready (ONNX Runtime: $ort_lib)"
