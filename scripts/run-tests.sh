#!/usr/bin/env bash
# Quick start, command 2: runs the whole test suite. Installs Azurite (pinned) if needed; the functional tests start
# their own Azurite on free ports with a temporary data folder, so a running local host does not disturb them.
# Extra arguments go to `dotnet test`, e.g. --filter "FullyQualifiedName~Unit".
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/require-tools.sh

dotnet test Workflow.sln -c Release -nologo --logger "console;verbosity=normal" "$@"
