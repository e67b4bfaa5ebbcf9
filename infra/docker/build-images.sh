#!/usr/bin/env bash
# Builds every docker-compose image on a machine without an image registry, from Debian packages only:
# a bookworm base made by debootstrap from the machine's own apt mirror (docker import), then RabbitMQ,
# PostgreSQL and Prometheus from apt on it, and the services published on the host onto a .NET runtime
# image (the host's own runtime, the one the code was tested on). Every image is tagged with a hash of
# what it is made of, so a second run with nothing changed only checks tags (and re-publishes, which is an
# up-to-date check). Needs DOCKER_HOST pointing at a running engine; builds use the host network because
# these machines allow only loopback traffic (never Docker's default bridge).
# Ends by tagging every image medpipeline/<name>:local, the names infra/compose.host-network.yml uses.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
state=${MEDPIPE_DOCKER_STATE:-/var/tmp/medpipe-docker}
mirror=${MEDPIPE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
mkdir -p "$state"
# debootstrap and the root file system it makes need root (GitHub's runners: passwordless sudo).
as_root=""
[ "$(id -u)" = 0 ] || as_root="sudo"

say() { printf '[images] %s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
hash_of() { (cd "$root" && cat "$@" | sha256sum | cut -c1-12); }
has_image() { docker image inspect "$1" >/dev/null 2>&1; }
current=()
build() { # build <tag> <dockerfile> <context> [build args...]
  local tag=$1 file=$2 context=$3; shift 3
  current+=("$tag")
  if has_image "$tag"; then say "cached $tag"; return; fi
  say "building $tag"
  docker build --network host -f "$file" -t "$tag" "$@" "$context" >"$state/build.log" 2>&1 ||
    { tail -30 "$state/build.log" >&2; echo "[images] docker build of $tag failed (whole log: $state/build.log)" >&2; return 1; }
}

# --- Debian base ------------------------------------------------------------------------------
# The base changes only with its recipe (minbase bookworm + apt-snapshot.conf): bump base_recipe when the steps change.
base_recipe=1
base="medpipeline/debian:bookworm-$( (echo "$base_recipe"; cat "$here/apt-snapshot.conf") | sha256sum | cut -c1-12)"
if has_image "$base"; then
  say "cached $base"
else
  rootfs="$state/rootfs.$$"
  say "debootstrap bookworm from $mirror"
  # minbase: apt and dpkg only; every image adds what it runs.
  $as_root debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$state/debootstrap.log" 2>&1 ||
    { tail -20 "$state/debootstrap.log" >&2; $as_root rm -rf "$rootfs"; exit 1; }
  $as_root cp "$here/apt-snapshot.conf" "$rootfs/etc/apt/apt.conf.d/99medpipe-snapshot"
  $as_root sh -c "rm -rf '$rootfs'/var/cache/apt/archives/*.deb '$rootfs'/var/lib/apt/lists/*"
  $as_root tar -C "$rootfs" -c . | docker import - "$base" >/dev/null
  $as_root rm -rf "$rootfs"
  say "imported $base"
fi
docker tag "$base" medpipeline/debian:local

# --- .NET runtime image ---------------------------------------------------------------------------
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
runtime="medpipeline/dotnet-runtime:$( (echo "$base"; dotnet --list-runtimes; cat "$here/dotnet-runtime.Dockerfile" "$here/http-ready.sh";
  cd "$root" && find models -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-12)"
if has_image "$runtime"; then
  say "cached $runtime"
else
  # The context is the file tree the image adds at /: the runtime (not the SDK), the health check script, the models.
  context="$state/runtime-context.$$"
  mkdir -p "$context/usr/share/dotnet" "$context/usr/local/bin" "$context/usr/bin"
  cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$dotnet_root/shared" "$context/usr/share/dotnet/"
  cp -a "$dotnet_root"/LICENSE.txt "$dotnet_root"/ThirdPartyNotices.txt "$context/usr/share/dotnet/" 2>/dev/null || true
  ln -s /usr/share/dotnet/dotnet "$context/usr/bin/dotnet"
  install -m 0755 "$here/http-ready.sh" "$context/usr/local/bin/http-ready"
  cp -a "$root/models" "$context/models"
  build "$runtime" "$here/dotnet-runtime.Dockerfile" "$context" --build-arg "BASE_IMAGE=$base"
  rm -rf "$context"
fi
docker tag "$runtime" medpipeline/dotnet-runtime:local

# --- RabbitMQ, PostgreSQL, Prometheus from Debian packages -------------------------------------------
for name in rabbitmq postgres prometheus; do
  tag="medpipeline/$name:$( (echo "$base"; cat "$root/infra/$name/Dockerfile"; cat "$root/infra/$name/debian-entrypoint.sh" 2>/dev/null || true) |
    sha256sum | cut -c1-12)"
  build "$tag" "$root/infra/$name/Dockerfile" "$root/infra/$name" --build-arg "BASE_IMAGE=$base"
  docker tag "$tag" "medpipeline/$name:local"
done

# --- the services, published here ------------------------------------------------------------------
# One build context per service (its publish output), so each build sends only its own files.
say "publishing the services"
rm -rf "$state/services"
dotnet msbuild "$here/publish-services.proj" -t:Publish -p:PublishRoot="$state/services" -nologo -verbosity:quiet \
  >"$state/publish.log" 2>&1 || { cat "$state/publish.log" >&2; exit 1; }
for name in MedPipeline.Orchestrator MedPipeline.Unpacker MedPipeline.Preprocessor MedPipeline.Inference \
  MedPipeline.StatusCallback MedPipeline.Gateway MedPipeline.SampleBackend; do
  context="$state/services/$name"
  content=$( (cd "$context" && echo "$runtime $name" && cat "$here/service.prebuilt.Dockerfile" &&
    find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-12)
  image=$(echo "${name#MedPipeline.}" | tr '[:upper:]' '[:lower:]')
  build "medpipeline/$image:$content" "$here/service.prebuilt.Dockerfile" "$context" --build-arg "RUNTIME_IMAGE=$runtime"
  docker tag "medpipeline/$image:$content" "medpipeline/$image:local"
done

# Images of earlier recipes would otherwise fill the data root run after run (vfs stores every layer in full).
current+=("$base" "$runtime")
stale=$(docker images --format '{{.Repository}}:{{.Tag}}' | grep '^medpipeline/' | grep -v ':local$' |
  grep -vxF -f <(printf '%s\n' "${current[@]}") || true)
if [ -n "$stale" ]; then
  say "removing images of earlier recipes: $(echo $stale)"
  for image in $stale; do
    # A run cut short (its "down" timed out) leaves stopped containers that still name their image: they go first.
    # An image a running container uses is kept, with a word: that is no reason to fail the build.
    docker ps -a -q --filter "ancestor=$image" --filter status=exited --filter status=created --filter status=dead |
      xargs -r docker rm -f >/dev/null || true
    docker rmi "$image" >/dev/null 2>&1 || say "kept $image: a container still uses it"
  done
  docker image prune -f >/dev/null
fi
say "ready"
