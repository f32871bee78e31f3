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
exec "$(dirname "$0")/post-signed.sh" /api/payments/provider-events Payment "${PAYMENT_PROVIDER_SECRET:-local-development-only-payment-provider-secret}" "$1"
