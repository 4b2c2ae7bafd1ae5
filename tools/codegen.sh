#!/usr/bin/env bash
# Regenerates the AWS wire types under src/Wharf.Protocol/Generated/ from the botocore
# service models installed on this machine (no network). Pass --service <Name> to
# regenerate one service only; the generated files are committed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${BOTOCORE_DATA:-$(python3 -c 'import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), "data"))')}"
artifacts="${CODEGEN_ARTIFACTS:-/tmp/art-codegen}"
dotnet build "$root/tools/Wharf.CodeGen" --artifacts-path "$artifacts" -nologo -v quiet
dotnet "$artifacts/bin/Wharf.CodeGen/debug/Wharf.CodeGen.dll" \
  --botocore-data "$data" --out "$root/src/Wharf.Protocol/Generated" "$@"
