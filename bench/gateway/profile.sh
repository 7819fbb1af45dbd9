#!/usr/bin/env bash
# Profiles Fulcrum as a passthrough proxy under the wrk load of bench/gateway/run.sh, to explain
# its CPU per request. Starts the fake upstream (../shared/peers) and one Fulcrum, warms the JVM,
# then samples CPU while wrk runs and prints the hottest frames.
#
#   bench/gateway/profile.sh [MODE=sse|json] [CONNS=32] [SECONDS=20]
#
# Settings (environment): EVENT_LOOPS=1, WARMUP=45 (s of discarded load first; C2 compiles for
#   ~30 s of load, and a profile taken earlier shows the compiler, not the proxy),
#   PROFILER=async|jfr (default async when its library can be had, else jfr),
#   ASYNC_PROFILER_LIB=path/to/libasyncProfiler.so (default: taken from the Maven artifact
#   tools.profiler:async-profiler:4.0, fetched with `mvn dependency:get` when missing),
#   OUT_DIR=/tmp/fulcrum-profile (collapsed stacks / .jfr and logs are kept there), TOP=25.
# async-profiler samples Java, native and (when perf events are allowed) kernel frames; JFR only
# Java frames, so time in syscalls shows up as the Java method that made them.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
MODE=${1:-sse}; CONNS=${2:-32}; SECS=${3:-20}
EVENT_LOOPS=${EVENT_LOOPS:-1}; WARMUP=${WARMUP:-45}; TOP=${TOP:-25}
OUT_DIR=${OUT_DIR:-/tmp/fulcrum-profile}
PEERS_INSTALL_DIR=${PEERS_INSTALL_DIR:-/tmp/fulcrum-peers}
die() { echo "profile.sh: $*" >&2; exit 1; }
[[ $MODE == json || $MODE == sse ]] || die "MODE is json or sse, got '$MODE'"
if [ -z "${SHARED_DIR:-}" ]; then
  for c in "$ROOT/../shared" /work/shared; do [ -x "$c/peers/peers.sh" ] && { SHARED_DIR=$c; break; }; done
fi
PEERS="${SHARED_DIR:-}/peers"
[ -x "$PEERS/peers.sh" ] || die "cannot find shared/peers/peers.sh; set SHARED_DIR"
for tool in wrk nginx node curl; do
  command -v "$tool" >/dev/null || die "'$tool' is missing; run $PEERS/peers.sh install"
done
[ -d "$PEERS_INSTALL_DIR/portkey/node_modules" ] || die "run $PEERS/peers.sh install first"
source "$ROOT/bin/java-env.sh"

PROFILER=${PROFILER:-}
LIB=${ASYNC_PROFILER_LIB:-}
if [ "$PROFILER" != jfr ] && [ -z "$LIB" ]; then
  JAR="$HOME/.m2/repository/tools/profiler/async-profiler/4.0/async-profiler-4.0.jar"
  [ -f "$JAR" ] || mvn -q -B dependency:get -Dartifact=tools.profiler:async-profiler:4.0 >&2 || true
  if [ -f "$JAR" ]; then
    mkdir -p "$OUT_DIR/async-profiler"
    (cd "$OUT_DIR/async-profiler" && unzip -o -q "$JAR" linux-x64/libasyncProfiler.so)
    LIB="$OUT_DIR/async-profiler/linux-x64/libasyncProfiler.so"
  fi
fi
if [ -z "$PROFILER" ]; then PROFILER=$([ -n "$LIB" ] && echo async || echo jfr); fi
[ "$PROFILER" = jfr ] || [ -f "$LIB" ] || die "no async-profiler library; set ASYNC_PROFILER_LIB or PROFILER=jfr"

mkdir -p "$OUT_DIR"
RUN=$(mktemp -d /tmp/fulcrum-profile-run.XXXXXX)
FPID=""
cleanup() {
  [ -n "$FPID" ] && { kill "$FPID" 2>/dev/null; wait "$FPID" 2>/dev/null; } || true
  PEERS_DIR="$RUN/peers" "$PEERS/peers.sh" stop >/dev/null 2>&1 || true
  rm -rf "$RUN"
}
trap cleanup EXIT
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1; while port_in_use "$p"; do p=$((p + 1)); done; echo "$p"; }
UP=$(free_port 9150); NG=$(free_port 9250); PK=$(free_port 8837); FP=$(free_port 9350)
mkdir -p "$RUN/peers"; ln -s "$PEERS_INSTALL_DIR/portkey" "$RUN/peers/portkey"
PEERS_DIR="$RUN/peers" "$PEERS/peers.sh" start "$UP" "$NG" "$PK" >/dev/null

KEY_HASH=$("$ROOT/bin/fulcrum" key hash sk-fake | tail -1)
BENCH_EVENT_LOOPS=$EVENT_LOOPS BENCH_UPSTREAM_PORT=$UP BENCH_KEY_HASH=$KEY_HASH \
  FULCRUM_JAVA_OPTS="${FULCRUM_JAVA_OPTS:-} -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints" \
  "$ROOT/bin/fulcrum" serve --config "$ROOT/bench/gateway/fulcrum-bench.yaml" --port "$FP" \
  > "$OUT_DIR/fulcrum.log" 2>&1 < /dev/null &
FPID=$!
for _ in $(seq 1 600); do
  kill -0 "$FPID" 2>/dev/null || { cat "$OUT_DIR/fulcrum.log" >&2; die "Fulcrum exited"; }
  curl -sf -m 1 -o /dev/null "http://127.0.0.1:$FP/readyz" && break
  sleep 0.1
done
URL="http://127.0.0.1:$FP/v1/chat/completions"
S=$([ "$MODE" = sse ] && echo 1 || echo 0)
echo "warming Fulcrum (pid $FPID, event-loops $EVENT_LOOPS) for ${WARMUP}s…" >&2
"$PEERS/peers.sh" wrk "$URL" "$CONNS" "$WARMUP" "$S" > /dev/null

ticks() { local s; s=$(cat "/proc/$FPID/stat"); s=${s##*) }; set -- $s; echo $(( ${12} + ${13} )); }
BASE="$OUT_DIR/fulcrum-$MODE-c$CONNS-el$EVENT_LOOPS"
if [ "$PROFILER" = async ]; then
  jcmd "$FPID" JVMTI.agent_load "$LIB" "\"start,event=cpu,interval=1ms,file=$BASE.collapsed\"" >&2
else
  jcmd "$FPID" JFR.start name=prof settings=profile >/dev/null
fi
t0=$(ticks)
RES=$("$PEERS/peers.sh" wrk "$URL" "$CONNS" "$SECS" "$S" | grep '^RESULT')
t1=$(ticks)
if [ "$PROFILER" = async ]; then
  jcmd "$FPID" JVMTI.agent_load "$LIB" "\"stop,file=$BASE.collapsed,collapsed\"" >&2
else
  jcmd "$FPID" JFR.dump name=prof filename="$BASE.jfr" >/dev/null
fi
N=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$RES")
echo "$MODE c=$CONNS ${SECS}s: $RES"
echo "Fulcrum CPU while profiled: $(( (t1 - t0) * 1000000 / $(getconf CLK_TCK) / N )) µs/request (profiler overhead included)"
set +o pipefail   # head closes the pipes below early
if [ "$PROFILER" = async ]; then
  echo; echo "== where the samples are: $BASE.collapsed"
  awk '{ n = $NF; $NF = ""; sub(/ $/, ""); k = split($0, f, ";"); c = "other threads"
    if ($0 ~ /CompileBroker|C2Compiler|C1Compiler|Compile::/) c = "JIT compiler threads"
    else if ($0 ~ /GCTaskThread|PSScavenge|PSParallelCompact|WorkerThread::run/) c = "GC threads"
    else if ($0 ~ /SingleThreadIoEventLoop|NioIoHandler|EpollIoHandler/) c = "event loop threads"
    t[c] += n; total += n; if (f[k] ~ /_\[k\]$/) kern += n }
    END { for (c in t) printf "%6.2f%%  %s\n", 100 * t[c] / total, c
          printf "%6.2f%%  (of all samples: kernel frames on top)\n", 100 * kern / total }' "$BASE.collapsed" | sort -rn
  echo; echo "== top $TOP self frames (% of samples)"
  awk '{ n = $NF; $NF = ""; sub(/ $/, ""); k = split($0, f, ";"); self[f[k]] += n; total += n }
    END { for (s in self) printf "%6.2f%%  %s\n", 100 * self[s] / total, s }' "$BASE.collapsed" \
    | sort -rn | head -"$TOP"
  echo; echo "== top $TOP inclusive frames of Fulcrum code, Vert.x HTTP and socket I/O"
  awk '{ n = $NF; $NF = ""; sub(/ $/, ""); k = split($0, f, ";"); total += n; delete seen
    for (i = 1; i <= k; i++) if (!(f[i] in seen)) { seen[f[i]] = 1; inc[f[i]] += n } }
    END { for (s in inc) printf "%6.2f%%  %s\n", 100 * inc[s] / total, s }' "$BASE.collapsed" \
    | grep -E 'dev/fulcrum|Http1x(Server|Client)|HttpClientImpl|SocketDispatcher\.(writev|write|read)0|\.flush0|jackson/databind/ObjectMapper' \
    | grep -v 'Lambda' | sort -rn | head -"$TOP"
else
  echo; jfr view --width 160 hot-methods "$BASE.jfr" | head -$((TOP + 6))
fi
