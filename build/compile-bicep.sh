#!/usr/bin/env bash
# Compiles infra/main.bicep with the Bicep CLI from NuGet (Azure.Bicep.CommandLine.linux-x64, restored through
# build/bicep/Bicep.proj), so a broken template fails CI. Linter warnings fail it too. The ARM JSON goes to a temporary
# folder and is thrown away: compiled templates are build output, never committed.
set -euo pipefail
cd "$(dirname "$0")/.."

version=0.49.2
dotnet restore build/bicep/Bicep.proj --nologo -v quiet >/dev/null

packages=$(dotnet nuget locals global-packages --list | sed -E 's/^global-packages: *//')
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"
if [ ! -f "$bicep" ]; then
  bicep=$(find "$packages/azure.bicep.commandline.linux-x64/$version" -type f -name bicep | head -n 1)
fi
[ -n "$bicep" ] && [ -f "$bicep" ] || { echo "error: the Bicep CLI was not found in the NuGet cache ($packages)" >&2; exit 1; }
chmod +x "$bicep"
"$bicep" --version

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
"$bicep" build infra/main.bicep --outdir "$out" 2>"$out/diagnostics.txt" || status=$?
cat "$out/diagnostics.txt" >&2
if [ "$status" -ne 0 ]; then
  echo "error: infra/main.bicep does not compile" >&2
  exit "$status"
fi
if grep -qE ': (Warning|Error) ' "$out/diagnostics.txt"; then
  echo "error: infra/main.bicep compiles with warnings; fix them" >&2
  exit 1
fi
[ -s "$out/main.json" ] || { echo "error: no ARM template was produced" >&2; exit 1; }
echo "infra/main.bicep compiles ($(wc -c <"$out/main.json") bytes of ARM JSON, not kept)"
