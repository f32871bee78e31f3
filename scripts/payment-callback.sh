#!/usr/bin/env bash
# Posts an event to the payment-provider callback the way the provider does: signed with HMAC-SHA256 over
# "{timestamp}.{body}" (headers X-Payment-Timestamp and X-Payment-Signature).
#
#   scripts/payment-callback.sh '{"eventId":"evt-1","type":"reversed", ...}'    or    scripts/payment-callback.sh @event.json
#
#   PAYMENT_PROVIDER_SECRET  the shared secret (default: the local host's development-only secret)
#   API                      the host (default: http://127.0.0.1:5080)
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 '<json>' | @file.json" >&2; exit 2; }
body="$1"
if [[ "$body" == @* ]]; then body="$(cat "${body#@}")"; fi
secret="${PAYMENT_PROVIDER_SECRET:-local-development-only-payment-provider-secret}"
timestamp=$(date +%s)
signature=$(printf '%s.%s' "$timestamp" "$body" | openssl dgst -sha256 -hmac "$secret" -r | cut -d' ' -f1)
curl -s -X POST "${API:-http://127.0.0.1:5080}/api/payments/provider-events" \
  -H 'content-type: application/json' \
  -H "X-Payment-Timestamp: $timestamp" \
  -H "X-Payment-Signature: sha256=$signature" \
  --data-binary "$body"
echo
