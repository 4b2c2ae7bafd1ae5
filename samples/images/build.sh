#!/usr/bin/env bash
# Builds the sample images used by the README walkthrough and the tests, from
# scratch with Debian's busybox-static (no image is pulled from anywhere):
#   wharf/web:latest, wharf/web:1.0   busybox web server (see web/rootfs/web/start)
#   wharf/web:2.0                     the same server with IMAGE_VERSION=2.0, a
#                                     second revision for deployment tests
#   wharf/busybox:latest, :1.0        busybox with every applet linked, CMD sh
#   wharf/redis:latest, :1.0          Debian's redis-server and its shared
#                                     libraries (ldd), no busybox
#   wharf/bookingapp:latest, :1.0     busybox web server counting its hits in
#                                     Redis (see bookingapp/rootfs/app/handle)
# Quick and idempotent: an image is rebuilt only when its sources or the
# busybox binary changed (a content hash is kept in the image label
# wharf.sample.hash). --force rebuilds anyway. --quiet prints only errors.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VERSION=1.0
force=0
quiet=0
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    --quiet|-q) quiet=1 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown argument '$arg' (use --force, --quiet)" >&2; exit 2 ;;
  esac
done

say() { if [ "$quiet" = 0 ]; then echo "$@"; fi; }

busybox_bin="${BUSYBOX:-/bin/busybox}"
redis_bin="${REDIS_SERVER:-/usr/bin/redis-server}"

# install_package PACKAGE: apt-get install as root (updating the lists once if needed).
install_package() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$1" >/dev/null 2>&1 \
    || { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null \
         && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$1" >/dev/null; }
}
is_static() {
  [ -x "$1" ] || return 1
  local out
  out="$(LC_ALL=C ldd "$1" 2>&1 || true)"
  [[ "$out" == *"not a dynamic executable"* || "$out" == *"statically linked"* ]]
}
if ! is_static "$busybox_bin"; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing busybox-static (the sample images are built from it)..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q busybox-static >/dev/null \
      || { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null \
           && DEBIAN_FRONTEND=noninteractive apt-get install -y -q busybox-static >/dev/null; }
  fi
  is_static "$busybox_bin" || {
    echo "build.sh: $busybox_bin is missing or not statically linked; install Debian's busybox-static" >&2
    exit 1
  }
fi

# hash_of DIR...: one hash over the file names, modes and contents given, plus busybox.
hash_of() {
  {
    (cd "$here" && find "$@" -type f -print0 | sort -z | xargs -0 sha256sum)
    (cd "$here" && find "$@" -type f -perm -u+x -print0 | sort -z | xargs -0 -r printf 'x %s\n')
    sha256sum < "$busybox_bin"
    echo "$VERSION"
  } | sha256sum | cut -c1-16
}

current_hash() { docker image inspect --format '{{ index .Config.Labels "wharf.sample.hash" }}' "$1" 2>/dev/null || true; }

# build NAME DIR HASH TAG... [-- BUILD-ARGS...]
build() {
  local dir="$1" hash="$2"; shift 2
  local tags=() args=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do tags+=("$1"); shift; done
  if [ $# -gt 0 ]; then shift; args=("$@"); fi

  if [ "$force" = 0 ]; then
    local fresh=1 tag
    for tag in "${tags[@]}"; do
      [ "$(current_hash "$tag")" = "$hash" ] || fresh=0
    done
    if [ "$fresh" = 1 ]; then
      say "${tags[*]}: up to date"
      return 0
    fi
  fi

  local ctx log
  ctx="$(mktemp -d)"
  log="$ctx.log"
  cp -a "$here/$dir/." "$ctx/"
  mkdir -p "$ctx/bin"
  cp "$busybox_bin" "$ctx/bin/busybox"
  cp -a "$here/common/etc" "$ctx/etc"
  if declare -F "prepare_$dir" >/dev/null; then "prepare_$dir" "$ctx"; fi
  local tag_args=()
  for tag in "${tags[@]}"; do tag_args+=(-t "$tag"); done
  say "Building ${tags[*]}..."
  # The legacy builder: the Debian docker.io client has no buildx.
  if ! DOCKER_BUILDKIT=0 docker build --label "wharf.sample.hash=$hash" \
       "${tag_args[@]}" "${args[@]}" "$ctx" >"$log" 2>&1; then
    cat "$log" >&2
    rm -rf "$ctx" "$log"
    echo "build.sh: building ${tags[*]} failed" >&2
    exit 1
  fi
  rm -rf "$ctx" "$log"
}

if [ ! -x "$redis_bin" ]; then
  say "Installing redis-server (wharf/redis is built from it)..."
  install_package redis-server || true
  [ -x "$redis_bin" ] || { echo "build.sh: $redis_bin is missing; install Debian's redis-server" >&2; exit 1; }
  # The package starts a service where an init system runs; the image needs only the binary.
  if command -v systemctl >/dev/null && systemctl is-active --quiet redis-server 2>/dev/null; then
    systemctl disable --now redis-server >/dev/null 2>&1 || true
  fi
fi

# prepare_redis CTX: redis-server and every library ldd lists (and the loader), at their paths.
prepare_redis() {
  local root="$1/rootfs" lib
  mkdir -p "$root/usr/bin" "$root/data" "$root/tmp"
  chmod 1777 "$root/tmp"
  cp -L "$redis_bin" "$root/usr/bin/redis-server"
  for lib in $(LC_ALL=C ldd "$redis_bin" | grep -o '/[^ ]*'); do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
  rm -f "$1/bin/busybox"
}

command -v docker >/dev/null || { echo "build.sh: docker is not installed (run scripts/ensure-docker.sh)" >&2; exit 1; }
docker info >/dev/null 2>&1 || { echo "build.sh: the Docker daemon is not answering (run scripts/ensure-docker.sh)" >&2; exit 1; }

web_hash="$(hash_of web common)"
build web "$web_hash" wharf/web:latest "wharf/web:$VERSION" -- --build-arg "VERSION=$VERSION"
build web "$web_hash-2" wharf/web:2.0 -- --build-arg VERSION=2.0
build busybox "$(hash_of busybox common)" wharf/busybox:latest "wharf/busybox:$VERSION"
redis_hash="$(hash_of redis common)-$(sha256sum < "$redis_bin" | cut -c1-8)"
build redis "$redis_hash" wharf/redis:latest "wharf/redis:$VERSION"
build bookingapp "$(hash_of bookingapp common)" wharf/bookingapp:latest "wharf/bookingapp:$VERSION"
