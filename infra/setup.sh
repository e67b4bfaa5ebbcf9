#!/usr/bin/env bash
# One idempotent set-up step for a Debian 12 machine with the .NET 10 SDK.
# Used by infra/demo.sh, infra/test.sh and CI. A second run on a ready machine does no download.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

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
  dcmtk                # dcmdjpeg/dcmdjpls reference decoders for the corpus test; dsrdump/dcmdump check our SR and images
  dicom3tools          # dciodvfy: checks the results SR and secondary captures against the IODs
  libspng0             # PNG decoding
  libturbojpeg0        # JPEG decoding
  python3-pydicom      # ships the real DICOM corpus the tests read
  python3-numpy        # pydicom's reference pixel decoding in tests
  python3-pil          # pydicom's JPEG reference decoding, and PNG/JPEG test images
  chromium             # browser tests (Playwright drives Debian's chromium)
  procps               # ps/pkill-free PID checks in fixtures
  prometheus           # promtool checks infra/prometheus; the metrics tests start it on a loopback port
  orthanc              # a real DICOMweb client (PACS) for the STOW-RS pipeline test
  orthanc-dicomweb     # Orthanc's DICOMweb plugin (its STOW-RS client)
  debootstrap          # the Debian base image of the container test (no registry here): infra/docker/build-images.sh
  unzip
)
# The container test starts Debian's dockerd (vfs, host network) when no engine answers and runs docker-compose.yml
# with docker-compose 1.29. A machine that has Docker already (GitHub's runners: Docker's own packages, which
# conflict with docker.io) keeps its engine.
command -v dockerd >/dev/null 2>&1 || apt_packages+=(docker.io)
command -v docker-compose >/dev/null 2>&1 || apt_packages+=(docker-compose)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
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

# --- .NET packages --------------------------------------------------------------------------
# ONNX Runtime's native library comes with the Microsoft.ML.OnnxRuntime package (runtimes/linux-x64/native).
say "restoring .NET packages"
dotnet restore "$root/MedPipeline.sln" --verbosity quiet >/dev/null ||
  die "dotnet restore failed: run 'dotnet restore MedPipeline.sln' to see which package is missing."

say "ready"
