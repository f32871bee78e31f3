#!/usr/bin/env bash
# Writes the OpenAPI document the local host serves (clients/openapi.json), lints it (Redocly CLI, "recommended";
# Spectral, "spectral:oas": any error fails), and regenerates the C# client from it (Kiota, pinned in
# .config/dotnet-tools.json) into clients/Workflow.Client/Generated. See docs/openapi.md.
#
#   scripts/openapi.sh            after changing the API: then commit clients/
#   scripts/openapi.sh --check    CI: also fails when clients/ differs from what is committed
#   --no-build                    uses the local host as last built (Release)
set -euo pipefail
cd "$(dirname "$0")/.."

check=false
build=true
for argument in "$@"; do
  case "$argument" in
    --check) check=true ;;
    --no-build) build=false ;;
    *) echo "usage: scripts/openapi.sh [--check] [--no-build]" >&2; exit 2 ;;
  esac
done

. scripts/require-tools.sh

# Offline-safe: no update checks or telemetry calls from the tools.
export KIOTA_OFFLINE_ENABLED=true KIOTA_TUTORIAL_ENABLED=false REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if $build; then
  echo "==> Building the local host"
  dotnet build functions/Workflow.LocalHost/Workflow.LocalHost.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
fi

echo "==> Writing the OpenAPI document the host serves: clients/openapi.json"
dotnet functions/Workflow.LocalHost/bin/Release/net10.0/Workflow.LocalHost.dll openapi --out clients/openapi.json

echo "==> Redocly CLI (recommended)"
node_modules/.bin/redocly lint clients/openapi.json --config build/openapi/redocly.yaml --format stylish

echo "==> Spectral (spectral:oas)"
node_modules/.bin/spectral lint clients/openapi.json --ruleset build/openapi/spectral.yaml --fail-severity error

echo "==> Kiota: the C# client"
dotnet tool restore >/dev/null
dotnet kiota generate --language CSharp --openapi clients/openapi.json --output clients/Workflow.Client/Generated \
  --class-name PermitApiClient --namespace-name Workflow.Client --exclude-backward-compatible --clean-output --log-level Warning \
  --disable-validation-rules NoServerEntry
rm -f clients/Workflow.Client/Generated/.kiota.log

if $check; then
  echo "==> The document and the client are the committed ones"
  if ! git diff --exit-code --stat -- clients/ || [ -n "$(git status --porcelain --untracked-files=all -- clients/)" ]; then
    git status --short -- clients/
    echo "error: clients/ differs from the API: run scripts/openapi.sh and commit clients/" >&2
    exit 1
  fi
fi
