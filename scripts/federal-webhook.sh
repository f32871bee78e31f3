#!/usr/bin/env bash
# Posts a message to the federal webhook the way the federal office does: signed with HMAC-SHA256 over
# "{timestamp}.{body}" (headers X-Federal-Timestamp and X-Federal-Signature).
#
#   scripts/federal-webhook.sh '{"messageId":"dvz-1", ...}'    or    scripts/federal-webhook.sh @message.json
#
#   FEDERAL_WEBHOOK_SECRET  the shared secret (default: the local host's development-only secret)
#   API                     the host (default: http://127.0.0.1:5080)
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 '<json>' | @file.json" >&2; exit 2; }
exec "$(dirname "$0")/post-signed.sh" /api/federal/decisions Federal "${FEDERAL_WEBHOOK_SECRET:-local-development-only-federal-webhook-secret}" "$1"
