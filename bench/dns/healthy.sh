#!/usr/bin/env bash
# ECS task RUNNING (healthy: no container health check) -> its Cloud Map name answered by Wharf's
# DNS, through the service's serviceRegistries, on `wharf up` with real Docker. Prints JSON.
#   COUNT=5 bench/dns/healthy.sh        WHARF_DLL=... to reuse a build
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../runtask/wharf-server.sh
source "$here/../runtask/wharf-server.sh"
BENCH_RUN_LABEL="dns-healthy-$$"
wharf_build
WHARF_DNS_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
export WHARF_DNS_PORT WHARF_DNS_BIND=127.0.0.1 WHARF_DNS_CONTAINER_ADDRESS=off
wharf_start
python3 "$here/healthy.py" --endpoint "$WHARF_ENDPOINT" --dns-port "$WHARF_DNS_PORT" --count "${COUNT:-5}"
