# Sourced by bench/runtask/run.sh and bench/api/run.sh: build Wharf, start `wharf up` on a free
# port with its own data directory, describe the machine, and clean up on exit.
#   WHARF_DLL=path/wharf.dll   use this build instead of building
#   WHARF_BENCH_ARTIFACTS      artifacts path of the build (default /tmp/art-bench)
# The build is made from `git archive HEAD` (the committed tree, not the working tree, which other
# engineers may be editing), so the results name one commit.

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench_artifacts="${WHARF_BENCH_ARTIFACTS:-/tmp/art-bench}"
bench_commit="$(git -C "$bench_root" rev-parse --short HEAD)"

wharf_build() {
  if [[ -n "${WHARF_DLL:-}" ]]; then
    [[ -f "$WHARF_DLL" ]] || { echo "WHARF_DLL=$WHARF_DLL does not exist" >&2; exit 1; }
    bench_commit="${WHARF_DLL_COMMIT:-unknown (prebuilt $WHARF_DLL)}"
    return
  fi
  # Not inside the artifacts path: the SDK excludes that path from the default Compile items.
  local src="$bench_artifacts-src"
  rm -rf "$src" && mkdir -p "$src"
  git -C "$bench_root" archive HEAD | tar -x -C "$src"
  echo "Building Wharf $bench_commit (Release) into $bench_artifacts ..." >&2
  dotnet build "$src/src/Wharf.Cli" -c Release --artifacts-path "$bench_artifacts" -nologo -v quiet >&2
  WHARF_DLL="$bench_artifacts/bin/Wharf.Cli/release/wharf.dll"
}

wharf_start() {
  if ! docker image inspect wharf/web:latest >/dev/null 2>&1; then
    "$bench_root/samples/images/build.sh" --quiet
  fi
  WHARF_BENCH_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  WHARF_BENCH_DATA="$(mktemp -d /tmp/wharf-bench.XXXXXX)"
  WHARF_PORT="$WHARF_BENCH_PORT" WHARF_DATA_DIR="$WHARF_BENCH_DATA" \
    dotnet "$WHARF_DLL" up >"$WHARF_BENCH_DATA/wharf.log" 2>&1 &
  WHARF_BENCH_PID=$!
  trap wharf_cleanup EXIT
  export AWS_ACCESS_KEY_ID=AKIAWHARF0LOCAL0KEY0
  export AWS_SECRET_ACCESS_KEY=wharf-local-secret-access-key-0000000000
  export AWS_DEFAULT_REGION=us-east-1
  WHARF_ENDPOINT="http://127.0.0.1:$WHARF_BENCH_PORT"
  local i
  for i in $(seq 1 180); do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$WHARF_ENDPOINT/healthz")" == 200 ]]; then
      echo "Wharf up on $WHARF_ENDPOINT (pid $WHARF_BENCH_PID, data $WHARF_BENCH_DATA)" >&2
      return
    fi
    kill -0 "$WHARF_BENCH_PID" 2>/dev/null || { cat "$WHARF_BENCH_DATA/wharf.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "Wharf did not answer /healthz in 90 s" >&2
  cat "$WHARF_BENCH_DATA/wharf.log" >&2
  exit 1
}

# Stops the tasks still running through the API, stops our `wharf up` (SIGTERM, by pid), then
# removes the containers our agent created. The agent labels them `wharf.agent-instance=<its
# ec2InstanceId>`, unique to our data directory; `com.amazonaws.ecs.cluster` only holds the
# cluster name (`default`), which other engineers' Wharf instances on this Docker share.
wharf_cleanup() {
  set +e
  if [[ -n "${WHARF_BENCH_PID:-}" ]] && kill -0 "$WHARF_BENCH_PID" 2>/dev/null; then
    python3 - "$WHARF_ENDPOINT" <<'EOF' >&2
import sys, time, boto3
ecs = boto3.client("ecs", endpoint_url=sys.argv[1])
arns = ecs.list_tasks(cluster="default", desiredStatus="RUNNING")["taskArns"]
for arn in arns:
    ecs.stop_task(cluster="default", task=arn, reason="bench cleanup")
deadline = time.time() + 60
while arns and time.time() < deadline:
    tasks = ecs.describe_tasks(cluster="default", tasks=arns[:100])["tasks"]
    if all(t["lastStatus"] == "STOPPED" for t in tasks):
        break
    time.sleep(0.5)
print(f"stopped {len(arns)} task(s)")
EOF
    kill -TERM "$WHARF_BENCH_PID"
    local i
    for i in $(seq 1 60); do kill -0 "$WHARF_BENCH_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$WHARF_BENCH_PID" 2>/dev/null && { echo "wharf did not stop on SIGTERM; SIGKILL" >&2; kill -KILL "$WHARF_BENCH_PID"; }
  fi
  local agent
  agent="$(grep -o -m1 'Agent i-[0-9a-f]*' "$WHARF_BENCH_DATA/wharf.log" 2>/dev/null | cut -d' ' -f2)"
  if [[ -n "$agent" ]]; then
    docker ps -aq --filter "label=wharf.agent-instance=$agent" | xargs -r docker rm -f >/dev/null
  fi
  if [[ -n "${BENCH_RUN_LABEL:-}" ]]; then
    docker ps -aq --filter "label=wharf.bench=$BENCH_RUN_LABEL" | xargs -r docker rm -f >/dev/null
  fi
  [[ -n "${WHARF_BENCH_DATA:-}" ]] && rm -rf "$WHARF_BENCH_DATA"
}

describe_machine() {
  echo "- run: $(date -u +%Y-%m-%dT%H:%M:%SZ), Wharf commit $bench_commit (Release build, \`wharf up\`: server and agent in one process)"
  echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1), \`nproc\` = $(nproc)"
  echo "- memory (\`free -g\`): $(free -g | awk '/^Mem:/ {print "total " $2 " GiB, used " $3 ", free " $4 ", available " $7}')"
  echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- Docker: $(docker version --format 'Engine {{.Server.Version}}, API {{.Server.APIVersion}}, storage driver' ) $(docker info --format '{{.Driver}}')"
  echo "- .NET: runtime $(dotnet --list-runtimes | awk '/NETCore.App/ {v=$2} END {print v}'); Python $(python3 -c 'import platform; print(platform.python_version())'), boto3 $(python3 -c 'import boto3; print(boto3.__version__)')"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg), $(pgrep -c -f 'Roslyn/bincore/csc|MSBuild.dll' || true) compiler/MSBuild processes running."
  echo "  **The machine is shared with other engineers' builds and tests today**: every number here"
  echo "  was taken under that background load and is noisier and slower than on an idle host."
}
