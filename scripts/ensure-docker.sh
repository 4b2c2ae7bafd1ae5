#!/usr/bin/env bash
# Makes sure a Docker Engine answers on this machine, for `./wharf up`,
# `./wharf agent` and `./test.sh`:
#   1. installs Debian's docker.io (and busybox-static, which the sample images
#      are built from) when the docker client, dockerd or busybox-static is
#      missing;
#   2. starts dockerd in the background when the daemon does not answer (through
#      systemd where systemd runs, otherwise directly, logging to
#      $WHARF_DOCKERD_LOG, default /tmp/wharf-dockerd.log), then waits up to
#      $WHARF_DOCKER_WAIT seconds (default 30) for `docker info`.
# Prints what it does on stderr; prints nothing when Docker already answers.
set -euo pipefail

log() { echo "ensure-docker: $*" >&2; }
die() { log "$*"; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@" || die "needs root for: $* (run as root or configure sudo)"
  else
    die "needs root for: $*"
  fi
}

busybox_static() {
  local out
  [ -x /bin/busybox ] || return 1
  out="$(LC_ALL=C ldd /bin/busybox 2>&1 || true)"
  [[ "$out" == *"not a dynamic executable"* || "$out" == *"statically linked"* ]]
}

install_packages() {
  local packages=()
  if ! command -v docker >/dev/null 2>&1 || ! command -v dockerd >/dev/null 2>&1; then
    packages+=(docker.io)
  fi
  busybox_static || packages+=(busybox-static)
  [ "${#packages[@]}" -eq 0 ] && return 0

  command -v apt-get >/dev/null 2>&1 \
    || die "missing ${packages[*]} and no apt-get here; install Docker Engine and busybox-static yourself"
  log "installing ${packages[*]} from Debian (apt-get)..."
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -q >/dev/null
  as_root apt-get install -y -q --no-install-recommends "${packages[@]}" >/dev/null
  command -v docker >/dev/null 2>&1 && command -v dockerd >/dev/null 2>&1 \
    || die "docker.io installed but docker/dockerd still not on PATH"
}

docker_answers() { timeout 10 docker info >/dev/null 2>&1; }

# dockerd_running: a process named dockerd exists (no procps on minimal Debian).
dockerd_running() {
  local comm
  for comm in /proc/[0-9]*/comm; do
    [ "$(cat "$comm" 2>/dev/null)" = dockerd ] && return 0
  done
  return 1
}

start_dockerd() {
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    log "starting docker with systemctl..."
    as_root systemctl start docker && return 0
    log "systemctl start docker failed; starting dockerd directly"
  fi

  local logfile="${WHARF_DOCKERD_LOG:-/tmp/wharf-dockerd.log}"
  # A dockerd that died leaves its pid file behind and refuses to start again.
  local pidfile=/var/run/docker.pid
  if [ -f "$pidfile" ] && ! kill -0 "$(cat "$pidfile" 2>/dev/null)" 2>/dev/null; then
    as_root rm -f "$pidfile"
  fi
  if dockerd_running; then
    # Either starting up (it will answer) or shutting down (it will exit): wait for one of the
    # two, and start a new daemon if the old one went away.
    log "dockerd is running but not answering yet; waiting for it to answer or exit"
    local waited
    for waited in $(seq 1 $((${WHARF_DOCKER_WAIT:-30} * 2))); do
      docker_answers && return 0
      dockerd_running || break
      sleep 0.5
    done
    dockerd_running && return 0
    log "the old dockerd exited after ${waited} checks"
    if [ -f "$pidfile" ] && ! kill -0 "$(cat "$pidfile" 2>/dev/null)" 2>/dev/null; then
      as_root rm -f "$pidfile"
    fi
  fi
  log "starting dockerd in the background (log: $logfile)..."
  # setsid: the daemon must outlive this shell and not get its Ctrl-C.
  as_root setsid nohup dockerd >>"$logfile" 2>&1 </dev/null &
}

install_packages

if docker_answers; then
  exit 0
fi
if [[ "$(timeout 10 docker info 2>&1 || true)" == *"permission denied"* ]]; then
  die "no permission on the Docker socket: run as root or add $(id -un) to the docker group"
fi

start_dockerd
wait_seconds="${WHARF_DOCKER_WAIT:-30}"
for _ in $(seq 1 $((wait_seconds * 2))); do
  if docker_answers; then
    log "docker is ready"
    exit 0
  fi
  sleep 0.5
done
log "the Docker daemon did not answer within ${wait_seconds}s"
[ -f "${WHARF_DOCKERD_LOG:-/tmp/wharf-dockerd.log}" ] && tail -n 20 "${WHARF_DOCKERD_LOG:-/tmp/wharf-dockerd.log}" >&2
exit 1
