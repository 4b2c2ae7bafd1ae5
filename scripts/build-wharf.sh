#!/usr/bin/env bash
# Builds the wharf CLI (src/Wharf.Cli, Release) into out/wharf when it is
# missing or when any source changed since the last build; otherwise returns at
# once without starting dotnet. `--force` builds anyway.
# Staleness: a file under src/ or tools/ (bin/ and obj/ aside) or a root build
# file newer than out/wharf/.build-stamp, or a different list of those files
# (a file deleted or renamed) than the stamp recorded.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/out/wharf"
stamp="$out/.build-stamp"
force=0
[ "${1:-}" = --force ] && force=1

cd "$root"
inputs=(src tools Directory.Build.props Directory.Packages.props global.json .editorconfig)
existing=()
for input in "${inputs[@]}"; do [ -e "$input" ] && existing+=("$input"); done

source_files() {
  find "${existing[@]}" \( -name bin -o -name obj \) -prune -o -type f -print | LC_ALL=C sort
}

listing="$(source_files | sha256sum | cut -c1-32)"
if [ "$force" = 0 ] && [ -f "$out/wharf.dll" ] && [ -f "$stamp" ] \
   && [ "$(cat "$stamp")" = "$listing" ] \
   && [ -z "$(find "${existing[@]}" \( -name bin -o -name obj \) -prune -o -type f -newer "$stamp" -print -quit)" ]; then
  exit 0
fi

command -v dotnet >/dev/null 2>&1 || {
  echo "wharf: the .NET SDK is not installed (dotnet not on PATH); see global.json for the version" >&2
  exit 1
}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mkdir -p "$out"
# Two launchers started at once build one after the other, not over each other.
exec 9>"$root/out/.build-lock"
command -v flock >/dev/null 2>&1 && flock 9

echo "wharf: building src/Wharf.Cli (first run or sources changed)..." >&2
# The stamp is written before the build so a source saved during it makes the
# next launch build again.
tmp_stamp="$(mktemp "$out/.build-stamp.XXXXXX")"
echo "$listing" > "$tmp_stamp"
if ! dotnet build src/Wharf.Cli/Wharf.Cli.csproj -c Release -o "$out" -nologo -v quiet -clp:NoSummary >&2; then
  rm -f "$tmp_stamp"
  echo "wharf: build failed" >&2
  exit 1
fi
mv -f "$tmp_stamp" "$stamp"
