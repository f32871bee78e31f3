#!/usr/bin/env bash
# Posts a JSON body to one of the platform's signed webhooks: HMAC-SHA256 over "{timestamp}.{body}" under the shared
# secret, in headers X-<Party>-Timestamp and X-<Party>-Signature. Used by federal-webhook.sh and payment-callback.sh.
#
#   scripts/post-signed.sh <path> <Party> <secret> '<json>' | @file.json       (API: the host, default http://127.0.0.1:5080)
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 <path> <Party> <secret> '<json>' | @file.json" >&2; exit 2; }
path="$1"; party="$2"; secret="$3"; body="$4"
if [[ "$body" == @* ]]; then body="$(cat "${body#@}")"; fi
timestamp=$(date +%s)
signature=$(printf '%s.%s' "$timestamp" "$body" | openssl dgst -sha256 -hmac "$secret" -r | cut -d' ' -f1)
curl -s -X POST "${API:-http://127.0.0.1:5080}$path" \
  -H 'content-type: application/json' \
  -H "X-$party-Timestamp: $timestamp" \
  -H "X-$party-Signature: sha256=$signature" \
  --data-binary "$body"
echo
