#!/usr/bin/env bash
# Records docs/examples/tamper-session.md: runs a gateway on SQLite with a simulated backend,
# sends requests, stops it, then tampers with the stored audit log directly in the database
# (modify, delete, insert, reorder, truncate) and shows what `bin/fulcrum audit verify` prints
# for each, restoring the pristine copy in between. Needs the sqlite3 command.
#
#   docs/examples/record-tamper-session.sh [OUT]     (default: docs/examples/tamper-session.md)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
OUT=${1:-docs/examples/tamper-session.md}
PORT=${PORT:-18091}
command -v sqlite3 >/dev/null || { echo "needs sqlite3 (apt-get install sqlite3)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'kill $GATEWAY 2>/dev/null; wait $GATEWAY 2>/dev/null; rm -rf "$WORK"' EXIT
GATEWAY=
bin/fulcrum --version >/dev/null # builds the jar first when needed
KEY_HASH=$(bin/fulcrum key hash sk-tamper | tail -1)
# every checkpoint-events events are signed; 25 makes the log end in a signed checkpoint plus a
# few events protected by the chain only
cat > "$WORK/fulcrum.yaml" <<EOF
store: { url: "sqlite:$WORK/fulcrum.db" }
audit: { checkpoint-events: 25 }
backends:
  - { name: sim, kind: simulated, placement: LOCAL }
models:
  - name: chat
    routes: [ { backend: sim, model: simulated-chat } ]
tenants:
  - { id: acme, api-keys: [ "$KEY_HASH" ] }
EOF
"$ROOT/bin/fulcrum" serve --config "$WORK/fulcrum.yaml" --port "$PORT" > "$WORK/gateway.log" 2>&1 &
GATEWAY=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 1; done
for i in $(seq 1 60); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/v1/chat/completions" \
    -H 'Authorization: Bearer sk-tamper' -H 'Content-Type: application/json' \
    -d "{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"question $i\"}]}"
done
kill "$GATEWAY"; wait "$GATEWAY" 2>/dev/null || true
cp "$WORK/fulcrum.db" "$WORK/pristine.db"

BODY="$WORK/body.md"
run() {  # run "$1" in bash, print it as a console transcript line with output and exit code
  local clean="s#$WORK#/tmp/tamper#g; s#$ROOT/##g"
  echo "\$ $1" | sed "$clean" >> "$BODY"
  set +e
  (cd "$WORK" && bash -c "$1") 2>&1 | sed "$clean" >> "$BODY"
  local rc=${PIPESTATUS[0]}
  set -e
  printf '[exit %s]\n\n' "$rc" >> "$BODY"
}
restore() { cp "$WORK/pristine.db" "$WORK/fulcrum.db"; }
verify="$ROOT/bin/fulcrum audit verify --config fulcrum.yaml"
section() { printf '%s\n\n```console\n' "$1" >> "$BODY"; }
end() { printf '```\n\n' >> "$BODY"; }

section "The log as the gateway left it (60 requests, control-plane changes at start, a signed checkpoint every 25 events):"
run "sqlite3 fulcrum.db 'SELECT count(*), max(seq) FROM audit_events; SELECT count(*), max(last_seq) FROM audit_checkpoints;'"
run "$verify"
end
section "**Modify**: change the HTTP status recorded in event 30 (a request.served row), keeping its hash:"
run "sqlite3 fulcrum.db \"UPDATE audit_events SET body = replace(body, '\\\"status\\\":200', '\\\"status\\\":201') WHERE seq = 30\""
run "$verify"
end
restore
section "**Delete**: remove event 12:"
run "sqlite3 fulcrum.db 'DELETE FROM audit_events WHERE seq = 12'"
run "$verify"
end
restore
section "**Insert**: make room after event 30 (renumber 31..63 to 32..64) and put a copy of the old event 40 in at 31:"
run "sqlite3 fulcrum.db 'UPDATE audit_events SET seq = seq + 1000 WHERE seq > 30; UPDATE audit_events SET seq = seq - 999 WHERE seq > 1000; INSERT INTO audit_events SELECT 31, ts, event_type, tenant, request_id, model_version, body, prev_hash, hash FROM audit_events WHERE seq = 41'"
run "$verify"
end
restore
section "**Reorder**: swap the contents of events 20 and 21:"
run "sqlite3 fulcrum.db 'UPDATE audit_events SET seq = -20 WHERE seq = 20; UPDATE audit_events SET seq = 20 WHERE seq = 21; UPDATE audit_events SET seq = 21 WHERE seq = -20'"
run "$verify"
end
restore
section "**Truncate**: drop the newest 30 events (and the checkpoints that cover them would betray it, so drop those too; the oldest remaining checkpoint still names the log's length):"
run "sqlite3 fulcrum.db 'DELETE FROM audit_events WHERE seq > (SELECT max(seq) - 30 FROM audit_events); DELETE FROM audit_checkpoints WHERE number = (SELECT max(number) FROM audit_checkpoints)'"
run "$verify"
end
restore
section "And the pristine copy verifies again:"
run "$verify"
end

{
  cat <<EOF
# A tamper session: what \`fulcrum audit verify\` finds

Recorded on $(date -u +%Y-%m-%d) from \`main\` ($(git rev-parse --short HEAD)) by
[\`record-tamper-session.sh\`](record-tamper-session.sh): a gateway on SQLite served 60 chat
requests and was stopped; then each kind of tampering was applied directly to the stored rows
with \`sqlite3\`, and \`bin/fulcrum audit verify\` run on the result, restoring the pristine
database in between. Outputs and exit codes as printed (\`[exit N]\` is added by the script).
The same tampering is tested on SQLite and PostgreSQL by \`AuditVerifierTest\` and
\`StoredAuditLogTest\`; the command is documented in [../metrics.md](../metrics.md#audit-cli).

EOF
  cat "$BODY"
} > "$OUT"
echo "wrote $OUT" >&2
