#!/usr/bin/env bash
# Quick start, command 2: runs the whole test suite. Installs Azurite (pinned) if needed; the functional tests start
# their own Azurite on free ports with a temporary data folder, so a running local host does not disturb them.
# Extra arguments go to `dotnet test`, e.g. --filter "FullyQualifiedName~Unit".
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/require-tools.sh

# The projects run side by side and their lines interleave: a failure scrolls far up, past the other projects' passes.
# So the output is also kept, and what failed is repeated at the end, where a reader of the log's tail looks.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Workflow.sln -c Release -nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?

if [ "$status" -ne 0 ]; then
  echo
  echo "==> What failed (repeated from above; exit $status)"
  # A failed test's line, its message and its stack (the console logger indents them under it), cut at 60 lines each.
  awk '/^  Failed |: error [A-Z]+[0-9]+|Test Run Aborted|The active test run was aborted/ { n = 60 } n > 0 { print; n-- }' "$log" | head -n 400
  grep -E "^(Failed!|Passed!)|Total tests:|     Failed:" "$log" || true
fi

exit "$status"
