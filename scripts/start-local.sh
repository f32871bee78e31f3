#!/usr/bin/env bash
# Quick start, command 1: installs what the local run needs (Azurite, pinned by package-lock.json), starts Azurite and
# the local host, and prints where the API is. Ctrl+C stops both.
#
#   POLICY_DAY=00:00:05  real time per policy day (default 5 s for a demo; 1.00:00:00 is production time)
#   PORT=5080            HTTP port of the API
#   extra arguments go to the host, e.g. --federal-office Off or --in-memory
set -euo pipefail
cd "$(dirname "$0")/.."

POLICY_DAY="${POLICY_DAY:-00:00:05}"
PORT="${PORT:-5080}"
DATA=".local/azurite"

. scripts/require-tools.sh

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

AZURITE_PID=""
cleanup() { [ -n "$AZURITE_PID" ] && kill "$AZURITE_PID" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

if listening 10000 && listening 10001 && listening 10002; then
  echo "==> Azurite (or another storage emulator) already listens on 10000-10002: using it"
else
  echo "==> Starting Azurite, data in $DATA"
  mkdir -p "$DATA"
  node_modules/.bin/azurite --location "$DATA" --skipApiVersionCheck --loose --silent --disableTelemetry \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >"$DATA/azurite.log" 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 1 100); do listening 10002 && break; sleep 0.2; done
  listening 10002 || { echo "error: Azurite did not start; see $DATA/azurite.log" >&2; exit 1; }
fi

echo "==> Building the local host"
dotnet build functions/Workflow.LocalHost/Workflow.LocalHost.csproj -c Release -nologo -v quiet -clp:ErrorsOnly

echo "==> Starting the local host (policy day = $POLICY_DAY)"
dotnet functions/Workflow.LocalHost/bin/Release/net10.0/Workflow.LocalHost.dll --port "$PORT" --policy-day "$POLICY_DAY" "$@"
