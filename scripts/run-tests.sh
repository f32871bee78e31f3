#!/usr/bin/env bash
# Quick start, command 2: runs the whole test suite. Installs Azurite (pinned) if needed; the functional tests start
# their own Azurite on free ports with a temporary data folder, so a running local host does not disturb them.
# Extra arguments go to `dotnet test`, e.g. --filter "FullyQualifiedName~Unit".
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in dotnet node npm; do
  command -v "$tool" >/dev/null || { echo "error: $tool is not installed (needed: .NET 10 SDK and Node.js)" >&2; exit 1; }
done

if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> Installing Azurite (npm ci)"
  npm ci --no-audit --no-fund
fi

dotnet test Workflow.sln -c Release -nologo --logger "console;verbosity=normal" "$@"
