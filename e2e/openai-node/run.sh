#!/usr/bin/env bash
# End-to-end test with the official `openai` npm package: starts `bin/fulcrum demo` on a free
# port, runs openai.test.mjs against it, stops it. Needs Node.js 20+ and npm (registry access
# for the first install).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
cd "$HERE"
command -v node >/dev/null || { echo "e2e: node is required" >&2; exit 1; }
[ -d node_modules/openai ] || npm install --silent --no-audit --no-fund

LOG=$(mktemp)
KEY="sk-e2e-$RANDOM$RANDOM"
FULCRUM_DEMO_KEY="$KEY" "$ROOT/bin/fulcrum" demo --port 0 >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 1 240); do
  URL=$(sed -n 's/^ *base URL *: *//p' "$LOG" | head -1)
  [ -n "$URL" ] && break
  kill -0 $PID 2>/dev/null || { echo "e2e: fulcrum demo died:" >&2; cat "$LOG" >&2; exit 1; }
  sleep 0.5
done
[ -n "${URL:-}" ] || { echo "e2e: fulcrum demo did not start in 120 s:" >&2; cat "$LOG" >&2; exit 1; }
echo "e2e: Fulcrum demo at $URL"
OPENAI_BASE_URL="$URL" OPENAI_API_KEY="$KEY" npm test --silent
