#!/usr/bin/env bash
# Prints a bearer token for the local host (signed with its development-only key, Auth:SigningKey), building the host
# first if needed. Development only: in Azure, Entra ID issues the tokens.
#
#   scripts/dev-token.sh <employer|caseworker|manager|federal-office|inspector|worker|public> [applicant]
#     applicant   for employer tokens: the employer's KBO number, or self:<reference> for a self-employed applicant;
#                 for worker tokens: the worker's own INSZ or BIS number
#   HOURS=8       lifetime (1-168)
#   SUBJECT=...   the person's id (default dev-<role>); NAME="Ann Peeters" their display name: the audit log shows both
#
#   curl -H "Authorization: Bearer $(scripts/dev-token.sh caseworker)" localhost:5080/api/worklist
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: $0 <role> [applicant]" >&2; exit 2; }

# The build scripts/start-local.sh makes; built here when missing.
dll=functions/Workflow.LocalHost/bin/Release/net10.0/Workflow.LocalHost.dll
if [ ! -f "$dll" ]; then
  log=$(mktemp)
  dotnet build functions/Workflow.LocalHost/Workflow.LocalHost.csproj -c Release -nologo -v quiet >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; exit 1; }
  rm -f "$log"
fi

args=(issue-token --role "$1" --hours "${HOURS:-8}")
[ $# -eq 2 ] && args+=(--applicant "$2")
[ -n "${SUBJECT:-}" ] && args+=(--subject "$SUBJECT")
[ -n "${NAME:-}" ] && args+=(--name "$NAME")
exec dotnet "$dll" "${args[@]}"
