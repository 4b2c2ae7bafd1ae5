#!/usr/bin/env bash
# ./test.sh [options] [PROJECT...]  -- builds Wharf and runs its tests.
#
#   PROJECT              test projects to run, by name or path (Wharf.Core.Tests,
#                        test/Wharf.Core.Tests, or just Core); default: every test/*.Tests
#   --filter EXPR        a dotnet test filter, e.g. Category=EndToEnd, Area=Walkthrough,
#                        FullyQualifiedName~BadInput
#   --unit               every project but Wharf.EndToEnd.Tests (no Docker needed)
#   --no-build           run what the last build left
#   --artifacts-path DIR build into DIR (several checkouts or engineers side by side)
#   -c, --configuration  build configuration (default Release)
#
# Ensures Docker when the end-to-end project runs (scripts/ensure-docker.sh), builds the
# solution once, builds the sample images, runs the unit projects in parallel and the
# end-to-end project last, each with a TRX logger under TestResults/, and ends with one line:
#   N passed, N failed, N skipped
# Exits non-zero when anything failed or no test ran.
set -uo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

configuration=Release
filter=""
build=1
unit_only=0
artifacts=""
requested=()
while [ $# -gt 0 ]; do
  case "$1" in
    --filter) filter="${2:?--filter needs an expression}"; shift 2 ;;
    --filter=*) filter="${1#--filter=}"; shift ;;
    --unit) unit_only=1; shift ;;
    --no-build) build=0; shift ;;
    --artifacts-path) artifacts="$(readlink -f "${2:?--artifacts-path needs a folder}")"; shift 2 ;;
    -c|--configuration) configuration="${2:?$1 needs a name}"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "test.sh: unknown option $1 (see ./test.sh --help)" >&2; exit 2 ;;
    *) requested+=("$1"); shift ;;
  esac
done

e2e_name=Wharf.EndToEnd.Tests
summary() { echo "$1 passed, $2 failed, $3 skipped"; }

# --- which projects -------------------------------------------------------------------------
all_projects=()
while IFS= read -r p; do all_projects+=("$p"); done < <(find test -mindepth 2 -maxdepth 2 -name '*Tests.csproj' | LC_ALL=C sort)

projects=()
if [ "${#requested[@]}" -eq 0 ]; then
  projects=("${all_projects[@]}")
else
  for want in "${requested[@]}"; do
    want="${want%/}"; want="${want##*/}"; want="${want%.csproj}"
    match=""
    for p in "${all_projects[@]}"; do
      name="$(basename "$p" .csproj)"
      if [ "$name" = "$want" ] || [ "$name" = "Wharf.$want.Tests" ] || [ "$name" = "Wharf.$want" ]; then match="$p"; fi
    done
    [ -n "$match" ] || { echo "test.sh: no test project named '$want'" >&2; exit 2; }
    projects+=("$match")
  done
fi
if [ "$unit_only" = 1 ]; then
  kept=()
  for p in "${projects[@]}"; do [ "$(basename "$p" .csproj)" = "$e2e_name" ] || kept+=("$p"); done
  projects=("${kept[@]}")
fi
[ "${#projects[@]}" -gt 0 ] || { echo "test.sh: no test projects selected" >&2; summary 0 0 0; exit 1; }

unit_projects=()
e2e_project=""
for p in "${projects[@]}"; do
  if [ "$(basename "$p" .csproj)" = "$e2e_name" ]; then e2e_project="$p"; else unit_projects+=("$p"); fi
done

# With --artifacts-path the results go beside the build, so runs from one checkout side by side
# do not wipe each other's TRX files.
results="$root/TestResults"
[ -n "$artifacts" ] && results="$artifacts/TestResults"
rel_results="${results#"$root"/}"
rm -rf "$results"
mkdir -p "$results"

common_args=(-c "$configuration" -nologo)
# In CI no MSBuild node may outlive the run.
[ -n "${CI:-}" ] && common_args+=(-nodeReuse:false)
[ -n "$artifacts" ] && common_args+=(--artifacts-path "$artifacts")

# --- prerequisites --------------------------------------------------------------------------
if [ -n "$e2e_project" ]; then
  if ! scripts/ensure-docker.sh; then
    echo "test.sh: Docker is not available; the end-to-end tests cannot run" >&2
    summary 0 1 0
    exit 1
  fi
  missing=()
  # The tests drive the first `aws` on PATH; `aws logs tail` exists only in the AWS CLI v2, which
  # Debian's awscli package puts at /usr/bin/aws.
  { command -v aws >/dev/null 2>&1 && [ -x /usr/bin/aws ]; } || missing+=(awscli)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  python3 -c 'import boto3' >/dev/null 2>&1 || missing+=(python3-boto3)
  command -v dig >/dev/null 2>&1 || missing+=(dnsutils)
  if [ "${#missing[@]}" -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ${missing[*]} for the end-to-end tests..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
      || echo "test.sh: warning: could not install ${missing[*]}" >&2
  fi
  if ! samples/images/build.sh --quiet; then
    echo "test.sh: the sample images did not build" >&2
    summary 0 1 0
    exit 1
  fi
fi

# --- build ----------------------------------------------------------------------------------
if [ "$build" = 1 ]; then
  if [ "${#requested[@]}" -eq 0 ]; then targets=(Wharf.slnx); else targets=("${projects[@]}"); fi
  for target in "${targets[@]}"; do
    echo "test.sh: building $target ($configuration)..."
    if ! dotnet build "$target" "${common_args[@]}" -v quiet -clp:NoSummary >"$results/build.log" 2>&1; then
      grep -E ': (error|warning) ' "$results/build.log" | sort -u | head -n 60
      tail -n 5 "$results/build.log"
      echo "test.sh: build failed (log: $rel_results/build.log)"
      echo "FAILED: build of $target"
      summary 0 1 0
      exit 1
    fi
  done
fi

# --- run ------------------------------------------------------------------------------------
# run_project PROJECT TIMEOUT: dotnet test with a TRX logger; its output goes to <name>.log and
# its exit code to <name>.rc. `timeout` signals the whole process group, so a hung test run
# takes its Wharf processes down with it.
run_project() {
  local project="$1" limit="$2" name
  name="$(basename "$project" .csproj)"
  local args=(test "$project" --no-build "${common_args[@]}"
              --logger "trx;LogFileName=$name.trx" --results-directory "$results")
  [ -n "$filter" ] && args+=(--filter "$filter")
  timeout -k 30 "$limit" dotnet "${args[@]}" >"$results/$name.log" 2>&1 </dev/null
  echo $? >"$results/$name.rc"
}

started=$SECONDS
if [ "${#unit_projects[@]}" -gt 0 ]; then
  echo "test.sh: running ${#unit_projects[@]} unit test project(s)..."
  jobs_max="$(nproc 2>/dev/null || echo 2)"
  [ "$jobs_max" -lt 2 ] && jobs_max=2
  for p in "${unit_projects[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n; done
    run_project "$p" 10m &
  done
  wait
fi
if [ -n "$e2e_project" ]; then
  echo "test.sh: running the end-to-end tests (Docker, aws CLI)..."
  WHARF_E2E_LOG_DIR="$results/e2e-logs" run_project "$e2e_project" 25m
  # Containers of this run's instances that were killed before they could clean up: each
  # instance records its account id (4242xxxxxxxx) under e2e-logs/accounts when it starts, and
  # its task ARNs carry it. Only those are removed, so a run beside this one keeps its own.
  accounts_dir="$results/e2e-logs/accounts"
  leftovers=""
  if [ -d "$accounts_dir" ] && [ -n "$(ls -A "$accounts_dir")" ]; then
    accounts_re="$(ls "$accounts_dir" | paste -sd'|')"
    leftovers="$(docker ps -a --filter label=com.amazonaws.ecs.task-arn \
        --format '{{.ID}} {{.Label "com.amazonaws.ecs.task-arn"}}' 2>/dev/null \
      | awk -v re=":(${accounts_re}):" '$2 ~ re {print $1}')"
  fi
  [ -n "${leftovers// /}" ] && docker rm -f $leftovers >/dev/null 2>&1
fi

# --- sum up ---------------------------------------------------------------------------------
unescape() { sed -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g'; }

passed=0; failed=0; skipped=0
failures=()
for p in "${projects[@]}"; do
  name="$(basename "$p" .csproj)"
  trx="$results/$name.trx"
  rc="$(cat "$results/$name.rc" 2>/dev/null || echo 1)"
  p_passed=0; p_failed=0; p_skipped=0
  if [ -f "$trx" ]; then
    outcomes="$(grep -o '<UnitTestResult [^>]*>' "$trx" | grep -o ' outcome="[A-Za-z]*"' | cut -d'"' -f2)"
    p_passed="$(grep -c '^Passed$' <<<"$outcomes")"
    p_failed="$(grep -c -v -E '^(Passed|NotExecuted|Inconclusive|)$' <<<"$outcomes")"
    p_skipped="$(grep -c -E '^(NotExecuted|Inconclusive)$' <<<"$outcomes")"
    while IFS= read -r test_name; do
      [ -n "$test_name" ] && failures+=("$name: $test_name")
    done < <(grep -o '<UnitTestResult [^>]*>' "$trx" | grep -v -E ' outcome="(Passed|NotExecuted|Inconclusive)"' \
               | sed -n 's/.* testName="\([^"]*\)".*/\1/p' | unescape)
  fi
  if [ "$rc" != 0 ] && [ "$p_failed" = 0 ]; then
    # The run itself failed: a crash, a hang (exit 124 from timeout), no results.
    p_failed=1
    if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
      failures+=("$name: test run timed out (log: $rel_results/$name.log)")
    else
      failures+=("$name: test run failed with exit code $rc (log: $rel_results/$name.log)")
    fi
  fi
  printf '  %-28s %4d passed, %d failed, %d skipped\n' "$name" "$p_passed" "$p_failed" "$p_skipped"
  passed=$((passed + p_passed)); failed=$((failed + p_failed)); skipped=$((skipped + p_skipped))
  if [ "$p_failed" != 0 ] && [ -f "$results/$name.log" ]; then
    echo "----- $name output (last 150 lines; full log $rel_results/$name.log) -----"
    tail -n 150 "$results/$name.log"
    echo "----- end of $name output -----"
  fi
done

echo "test.sh: tests took $((SECONDS - started)) s; TRX files in $rel_results/"
if [ "${#failures[@]}" -gt 0 ]; then
  echo "Failed:"
  for f in "${failures[@]}"; do echo "  $f"; done
fi
[ -n "${CI:-}" ] && dotnet build-server shutdown >/dev/null 2>&1
summary "$passed" "$failed" "$skipped"
[ "$failed" = 0 ] && [ $((passed + failed + skipped)) -gt 0 ]
