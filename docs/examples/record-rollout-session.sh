#!/usr/bin/env bash
# Records docs/examples/rollout-session.md: starts `bin/fulcrum demo` on a free port with fresh
# state, runs the two CLI sessions (canary → automatic rollback; canary → automatic promotion,
# then a kill switch) and writes every command with its output and exit code.
#
#   docs/examples/record-rollout-session.sh [OUT]     (default: docs/examples/rollout-session.md)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
OUT=${1:-docs/examples/rollout-session.md}
PORT=${PORT:-18090}
WORK=$(mktemp -d)
export FULCRUM_URL=http://127.0.0.1:$PORT FULCRUM_ADMIN_KEY=sk-fulcrum-demo-admin
bin/fulcrum --version >/dev/null # builds the jar first when needed
(cd "$WORK" && exec "$ROOT/bin/fulcrum" demo --port "$PORT" > "$WORK/demo.log" 2>&1) &
DEMO=$!
trap 'kill $DEMO 2>/dev/null; wait $DEMO 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -sf "$FULCRUM_URL/readyz" >/dev/null && break; sleep 1; done
curl -sf "$FULCRUM_URL/readyz" >/dev/null || { cat "$WORK/demo.log" >&2; exit 1; }

traffic() {  # one chat request from each of 20 users (canary splits are sticky per user)
  for u in $(seq 1 20); do
    curl -s -o /dev/null -w '%{http_code} %header{x-fulcrum-model-version}\n' \
      "$FULCRUM_URL/v1/chat/completions" -H 'Authorization: Bearer sk-fulcrum-demo' \
      -H 'Content-Type: application/json' \
      -d "{\"model\":\"chat-small\",\"user\":\"user-$u\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}"
  done | sort | uniq -c
}
export -f traffic
BODY="$WORK/body.md"
run() {  # run "$1" in bash, print it as a console transcript line with output and exit code
  local clean="s#$WORK#/tmp/session#g; s#127.0.0.1:$PORT#127.0.0.1:8080#g"
  echo "\$ $1" | sed "$clean" >> "$BODY"
  set +e
  bash -c "$1" 2>&1 | sed "$clean" >> "$BODY"
  local rc=${PIPESTATUS[0]}
  set -e
  printf '[exit %s]\n\n' "$rc" >> "$BODY"
}
say() { printf '%s\n' "$@" >> "$BODY"; }

say '## Session 1: canary → automatic rollback' '' \
  'Version 2 of `chat-small` ([`chat-small-2.yaml`](chat-small-2.yaml)) is a discounted route' \
  'that the autocomplete feature wants under 150 ms at p95. The canary takes 25% of callers' \
  '(sticky per user).' '' '```console'
run 'bin/fulcrum model validate docs/examples/chat-small-2.yaml'
run 'bin/fulcrum model register docs/examples/chat-small-2.yaml --by alice'
run "bin/fulcrum rollout start chat-small 2 --canary 25 --error-rate 0.05 --p95-ms 150 --window 30s --min-samples 10 --min-samples-to-breach 5 --healthy-for 15s --by alice --reason 'discount route for autocomplete, which needs p95 under 150 ms'"
run "(traffic; traffic) > $WORK/a-traffic.txt & bin/fulcrum rollout status 1 --watch --interval 1s --timeout 30s; wait; cat $WORK/a-traffic.txt"
run 'bin/fulcrum rollout status 1'
run 'traffic'
run 'bin/fulcrum rollout history 1'
run 'bin/fulcrum model show chat-small'
say '```' '' '## Session 2: canary → automatic promotion, then a kill switch' '' \
  'Version 3 ([`chat-small-3.yaml`](chat-small-3.yaml)) is canaried at 50% under a 2 s p95' \
  'guard, with five rounds of traffic in the background while `--watch` polls.' '' '```console'
run 'bin/fulcrum model register docs/examples/chat-small-3.yaml --by bob'
BEFORE_PROMOTION=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
run "bin/fulcrum rollout start chat-small 3 --canary 50 --error-rate 0.05 --p95-ms 2000 --window 1m --min-samples 10 --healthy-for 10s --by bob --reason 'cheaper route, same quality'"
run '(for i in 1 2 3 4 5; do traffic > /dev/null; done) & bin/fulcrum rollout status 2 --watch --interval 3s --timeout 60s; wait'
run 'bin/fulcrum rollout history 2'
run 'traffic'
run 'bin/fulcrum model history chat-small'
run "bin/fulcrum model served-at chat-small --alias prod --at $BEFORE_PROMOTION"
run "bin/fulcrum model served-at chat-small --alias prod --at $(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)"
run "bin/fulcrum kill off --version chat-small@3 --by oncall --reason 'incident 12: answers cut short'"
run 'traffic'
run 'bin/fulcrum kill list'
run "bin/fulcrum kill on --version chat-small@3 --by oncall --reason 'incident 12 resolved'"
run 'traffic'
run 'bin/fulcrum rollout list'
run "curl -s \"\$FULCRUM_URL/admin/v1/audit?limit=1000\" -H \"Authorization: Bearer \$FULCRUM_ADMIN_KEY\" | python3 -c 'import json,sys; d=json.load(sys.stdin)[\"data\"]; [print(e[\"sequence\"], e[\"event\"][\"action\"], e[\"event\"][\"subject\"], \"by\", e[\"event\"][\"actor\"]) for e in d if e[\"type\"]==\"control.change\"]'"
say '```'

{
  cat <<EOF
# A rollout session from the CLI

Two sessions against \`bin/fulcrum demo\` (admin key \`sk-fulcrum-demo-admin\`), using only the
\`fulcrum\` CLI and curl: a canary that the rollout policy rolls back, and a canary that the
policy promotes, followed by a kill switch flipped off and on; at the end, the control-plane
changes as the audit log holds them. Reference: [\`../admin.md\`](../admin.md).

Recorded on $(date -u +%Y-%m-%d) from \`main\` ($(git rev-parse --short HEAD)) by
[\`record-rollout-session.sh\`](record-rollout-session.sh), which starts the demo with fresh
state and runs every command below; outputs and exit codes are as printed (\`[exit N]\` is
added by the script). Timings come from the demo's simulated backend (about 200-300 ms per
answer), so the numbers differ from run to run; the decisions do not.

Setup, in a second terminal next to \`bin/fulcrum demo\`:

\`\`\`bash
export FULCRUM_ADMIN_KEY=sk-fulcrum-demo-admin      # FULCRUM_URL defaults to http://127.0.0.1:8080
traffic() {  # one chat request from each of 20 users (canary splits are sticky per user)
  for u in \$(seq 1 20); do
    curl -s -o /dev/null -w '%{http_code} %header{x-fulcrum-model-version}\n' \\
      http://127.0.0.1:8080/v1/chat/completions -H 'Authorization: Bearer sk-fulcrum-demo' \\
      -H 'Content-Type: application/json' \\
      -d "{\"model\":\"chat-small\",\"user\":\"user-\$u\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}"
  done | sort | uniq -c
}
\`\`\`

Both sessions run the canary on the demo's only chat backend and differ in the latency the
rollout demands: 150 ms at p95 in session 1, 2 s in session 2. The gateway's scheduler judges
running rollouts every 5 s.

EOF
  cat "$BODY"
} > "$OUT"
echo "wrote $OUT" >&2
