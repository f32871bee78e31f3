# Sourced by the scripts next to it: checks the tools a run needs and installs Azurite (pinned by package-lock.json).
for tool in dotnet node npm; do
  command -v "$tool" >/dev/null || { echo "error: $tool is not installed (needed: .NET 10 SDK and Node.js)" >&2; exit 1; }
done

if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> Installing Azurite (npm ci)"
  npm ci --no-audit --no-fund
fi

# The browser tests drive Debian's chromium (Playwright's own browser download is never used).
chromium_path=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium_path" ]; then
  echo "error: no Chromium at $chromium_path (needed by the browser tests): sudo apt-get install -y chromium, or set CHROMIUM_PATH" >&2
  exit 1
fi
