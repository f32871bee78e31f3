# Sourced by the scripts next to it: checks the tools a run needs and installs Azurite (pinned by package-lock.json).
for tool in dotnet node npm; do
  command -v "$tool" >/dev/null || { echo "error: $tool is not installed (needed: .NET 10 SDK and Node.js)" >&2; exit 1; }
done

if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> Installing Azurite (npm ci)"
  npm ci --no-audit --no-fund
fi
