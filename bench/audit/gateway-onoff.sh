#!/usr/bin/env bash
# The gateway's throughput with the audit log on versus off, side by side: two Fulcrum processes
# (bench/gateway/fulcrum-bench.yaml, one with `audit.enabled: false`) in front of the same fake
# upstream (../shared/peers), warmed up, then measured in alternating wrk runs (JSON chat,
# 32 connections). Prints a Markdown table: req/s and CPU µs per request of each, per round.
#
#   bench/audit/gateway-onoff.sh            ROUNDS=3 DURATION=10 WARMUP=120 CONNS=32
# (on two cores the JIT keeps improving the request path for about two minutes of load)
# Then a second table: where each variant's CPU went, µs per request per JVM thread (from
# /proc/PID/task/*/stat, summed over the rounds; numbered threads such as GC workers merged).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ROUNDS=${ROUNDS:-3}; DURATION=${DURATION:-10}; WARMUP=${WARMUP:-120}; CONNS=${CONNS:-32}
SHARED=${SHARED_DIR:-$ROOT/../shared}; [ -d "$SHARED/peers" ] || SHARED=/work/shared
for tool in wrk node curl; do
  command -v "$tool" >/dev/null || { echo "'$tool' is missing; run $SHARED/peers/peers.sh install" >&2; exit 1; }
done
source "$ROOT/bin/java-env.sh"
"$ROOT/bin/fulcrum" --version >/dev/null # builds the jar when needed
JAR="$ROOT/fulcrum-gateway/target/fulcrum.jar"
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

UP_PORT=$(free_port)
node "$SHARED/peers/fake-upstream.js" "$UP_PORT" > "$WORK/upstream.log" 2>&1 & PIDS+=($!)
KEY_HASH=$("$JAVA_HOME/bin/java" -jar "$JAR" key hash sk-fake | tail -1)
declare -A PORT PID
for variant in on off; do
  mkdir -p "$WORK/$variant"
  cp "$ROOT/bench/gateway/fulcrum-bench.yaml" "$WORK/$variant/fulcrum.yaml"
  [ "$variant" = off ] && printf 'audit:\n  enabled: false\n' >> "$WORK/$variant/fulcrum.yaml"
  PORT[$variant]=$(free_port)
  (cd "$WORK/$variant" && BENCH_UPSTREAM_PORT=$UP_PORT BENCH_KEY_HASH=$KEY_HASH \
    exec "$JAVA_HOME/bin/java" $FULCRUM_JAVA_OPTS -jar "$JAR" serve --config fulcrum.yaml \
    --port "${PORT[$variant]}" > "$WORK/$variant/log" 2>&1) &
  PID[$variant]=$!; PIDS+=($!)
done
for variant in on off; do
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:${PORT[$variant]}/readyz" >/dev/null && break; sleep 1; done
done
load() { # variant seconds → the RESULT line of chat.lua
  STREAM=0 wrk -t2 -c"$CONNS" -d"$2"s -s "$SHARED/peers/chat.lua" \
    "http://127.0.0.1:${PORT[$1]}/v1/chat/completions" | grep '^RESULT'
}
cpu() { awk '{print $14 + $15}' "/proc/${PID[$1]}/stat"; }
threads() { # variant → one "ticks<TAB>thread name" line per thread (utime + stime)
  python3 - "${PID[$1]}" <<'PY'
import glob, re, sys
for task in glob.glob(f"/proc/{sys.argv[1]}/task/*"):
    try:
        stat = open(f"{task}/stat").read()
        name = open(f"{task}/comm").read().strip()
    except OSError:
        continue  # the thread ended meanwhile
    fields = stat[stat.rindex(")") + 2:].split()
    print(f"{int(fields[11]) + int(fields[12])}\t{re.sub(r'[#-]?[0-9]+$', '', name)}")
PY
}
TICK_US=$(( 1000000 / $(getconf CLK_TCK) ))
echo "warming up each gateway for ${WARMUP}s…" >&2
for variant in on off; do load "$variant" "$WARMUP" > /dev/null; done

echo "| round | audit | req/s | p50 ms | p99 ms | CPU µs/req | errors |"
echo "|---:|---|---:|---:|---:|---:|---:|"
declare -A SERVED=([on]=0 [off]=0)
for round in $(seq 1 "$ROUNDS"); do
  for variant in on off; do
    threads "$variant" | sed 's/^/-/' >> "$WORK/$variant/threads"
    before=$(cpu "$variant")
    line=$(load "$variant" "$DURATION")
    after=$(cpu "$variant")
    threads "$variant" >> "$WORK/$variant/threads"
    field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<< "$line"; }
    requests=$(field requests)
    SERVED[$variant]=$(( SERVED[$variant] + requests ))
    errors=$(( $(field connect_err) + $(field read_err) + $(field write_err) + $(field status_err) + $(field timeout_err) ))
    printf '| %s | %s | %s | %.2f | %.2f | %d | %s |\n' "$round" "$variant" "$(field rps)" \
      "$(echo "$(field p50_us) / 1000" | bc -l)" "$(echo "$(field p99_us) / 1000" | bc -l)" \
      $(( (after - before) * TICK_US / requests )) "$errors"
  done
done

echo
echo "| thread | audit on µs/req | audit off µs/req |"
echo "|---|---:|---:|"
python3 - "$WORK/on/threads" "${SERVED[on]}" "$WORK/off/threads" "${SERVED[off]}" "$TICK_US" <<'PY'
import collections, sys
tick = int(sys.argv[5])
per_request = []
for path, served in ((sys.argv[1], int(sys.argv[2])), (sys.argv[3], int(sys.argv[4]))):
    ticks = collections.Counter()
    for line in open(path):
        count, name = line.rstrip("\n").split("\t", 1)
        ticks[name] += int(count)  # "-" lines (before each run) subtract
    per_request.append({n: t * tick / served for n, t in ticks.items()})
on, off = per_request
names = sorted(set(on) | set(off), key=lambda n: -(on.get(n, 0) + off.get(n, 0)))
for name in names:
    if on.get(name, 0) + off.get(name, 0) >= 0.5:
        print(f"| {name} | {on.get(name, 0):.1f} | {off.get(name, 0):.1f} |")
print(f"| **all** | {sum(on.values()):.1f} | {sum(off.values()):.1f} |")
PY
