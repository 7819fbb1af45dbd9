#!/usr/bin/env bash
# Side-by-side gateway benchmark: the same wrk load (../shared/peers/chat.lua, a small chat
# completion, JSON and SSE) against the fake upstream directly, nginx, the Portkey gateway and
# Fulcrum, all in front of the same fake upstream, targets interleaved. Writes
# bench/results/gateway.md: req/s, p50/p99, errors, added p99 at 1 connection, proxy CPU µs per
# request (utime+stime from /proc), RSS, and whether the project's targets are met.
#
#   bench/gateway/run.sh                    full run (~27 min with the defaults)
#   DURATION=3 WARMUP=1 FULCRUM_WARMUP=30 bench/gateway/run.sh   quicker (~12 min)
#
# Settings (environment):
#   DURATION=10          seconds of each measured wrk run
#   WARMUP=3             seconds of the discarded wrk run before each measured run
#   FULCRUM_WARMUP=90    seconds of the discarded run warming each Fulcrum JVM before each mode's sweep
#                        (on 2 cores the JIT keeps improving the request path for ~2 minutes of
#                        load; see the JIT column of the report)
#   PORTKEY_WARMUP=30    same for Portkey (upstream and nginx get 2 s)
#   CONNS="1 32 128"     wrk connection counts
#   MODES="json sse"     sse = STREAM=1 (3 chunks + [DONE])
#   TARGETS="upstream nginx portkey netty vertx fulcrum"
#                        vertx = VertxFloor.java: the HTTP stack Fulcrum runs on, forwarding and
#                        nothing else (same Vert.x options, one event loop, the launcher's JVM
#                        flags), the floor under Fulcrum's CPU per request; netty =
#                        NettyFloor.java, the same forwarding written straight on Netty
#   EVENT_LOOPS="1 2"    one Fulcrum instance per value (targets fulcrum-el1, fulcrum-el2)
#   NO_AUDIT_EVENT_LOOPS="1"  also one Fulcrum per value with the audit log off
#                        (audit.enabled: false; targets fulcrum-elN-noaudit); "" for none
#   ROUNDS=1             repeat the whole interleaved sweep; tables show the median per cell
#   MAX_CONNECTIONS=256  Fulcrum's upstream pool (backends[].max-connections)
#   FULCRUM_JFR_DIR=DIR  record a JFR profile of each Fulcrum instance into DIR (adds overhead)
#   OUT=bench/results/gateway.md
#   PEERS_INSTALL_DIR=/tmp/fulcrum-peers   where `peers.sh install` put Portkey
#   SHARED_DIR           the shared folder holding peers/ (default ../shared, else /work/shared)
#
# Needs wrk, nginx, node, curl and an installed Portkey: `../shared/peers/peers.sh install`.
# Starts its own peers (private state dir, free ports) and Fulcrum instances, stops them on exit.
# Load generator, upstream and proxy share this machine's cores: compare ratios within one run.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
KNOBS="DURATION WARMUP FULCRUM_WARMUP PORTKEY_WARMUP CONNS MODES TARGETS EVENT_LOOPS \
NO_AUDIT_EVENT_LOOPS ROUNDS \
MAX_CONNECTIONS FULCRUM_JFR_DIR OUT PEERS_INSTALL_DIR SHARED_DIR"
COMMAND=""
for knob in $KNOBS; do
  if [ -n "${!knob+x}" ]; then COMMAND+="$knob=$(printf '%q' "${!knob}") "; fi
done
COMMAND+="bench/gateway/run.sh${*:+ $*}"

case "${1:-}" in
  -h|--help) sed -n '2,37p' "$0" | sed 's/^# \{0,1\}//'; exit 0;;
  "") ;;
  *) echo "run.sh: takes no arguments, only environment settings (see --help)" >&2; exit 2;;
esac

DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
FULCRUM_WARMUP=${FULCRUM_WARMUP:-90}
PORTKEY_WARMUP=${PORTKEY_WARMUP:-30}
CONNS=${CONNS:-"1 32 128"}
MODES=${MODES:-"json sse"}
TARGETS=${TARGETS:-"upstream nginx portkey netty vertx fulcrum"}
EVENT_LOOPS=${EVENT_LOOPS:-"1 2"}
NO_AUDIT_EVENT_LOOPS=${NO_AUDIT_EVENT_LOOPS-"1"}
ROUNDS=${ROUNDS:-1}
MAX_CONNECTIONS=${MAX_CONNECTIONS:-256}
FULCRUM_JFR_DIR=${FULCRUM_JFR_DIR:-}
OUT=${OUT:-$ROOT/bench/results/gateway.md}
PEERS_INSTALL_DIR=${PEERS_INSTALL_DIR:-/tmp/fulcrum-peers}

die() { echo "run.sh: $*" >&2; exit 1; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# ---------------------------------------------------------------------------------- prerequisites
if [ -z "${SHARED_DIR:-}" ]; then
  for candidate in "$ROOT/../shared" /work/shared; do
    [ -x "$candidate/peers/peers.sh" ] && { SHARED_DIR=$(cd "$candidate" && pwd); break; }
  done
fi
PEERS="${SHARED_DIR:-}/peers"
[ -x "$PEERS/peers.sh" ] || die "cannot find shared/peers/peers.sh (looked in $ROOT/../shared and \
/work/shared); set SHARED_DIR to the folder holding peers/"
INSTALL_HINT="install the peers first: $PEERS/peers.sh install"
for tool in wrk nginx node curl awk; do
  command -v "$tool" >/dev/null || die "'$tool' is not installed; $INSTALL_HINT"
done
[ -f "$PEERS_INSTALL_DIR/portkey/node_modules/@portkey-ai/gateway/build/start-server.js" ] \
  || die "Portkey is not installed in $PEERS_INSTALL_DIR/portkey; $INSTALL_HINT"
for v in DURATION WARMUP FULCRUM_WARMUP PORTKEY_WARMUP ROUNDS MAX_CONNECTIONS; do
  [[ ${!v} =~ ^[0-9]+$ ]] || die "$v must be a whole number of seconds/count, got '${!v}'"
done
[ "$DURATION" -ge 1 ] || die "DURATION must be at least 1"
[ "$ROUNDS" -ge 1 ] || die "ROUNDS must be at least 1"
for c in $CONNS; do [[ $c =~ ^[1-9][0-9]*$ ]] || die "CONNS must be positive numbers, got '$c'"; done
for m in $MODES; do [[ $m == json || $m == sse ]] || die "MODES are json and sse, got '$m'"; done
for t in $TARGETS; do
  [[ $t =~ ^(upstream|nginx|portkey|netty|vertx|fulcrum)$ ]] \
    || die "TARGETS are upstream, nginx, portkey, netty, vertx, fulcrum; got '$t'"
done
for n in $EVENT_LOOPS $NO_AUDIT_EVENT_LOOPS; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "EVENT_LOOPS, NO_AUDIT_EVENT_LOOPS: bad value '$n'"
done
has_target() { [[ " $TARGETS " == *" $1 "* ]]; }
has_target upstream || die "TARGETS must include upstream (the baseline for added latency)"

CLK_TCK=$(getconf CLK_TCK)
RUN=$(mktemp -d /tmp/fulcrum-gateway-bench.XXXXXX)
PEERS_DIR="$RUN/peers"
declare -A PIDS=()   # target -> proxy pid(s); nginx's are looked up per reading
declare -A URLS=()
JVM_LIST=()
WRK_PID=""

# ---------------------------------------------------------------------------------------- cleanup
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$WRK_PID" ]; then # peers.sh and its wrk
    kill $(cat /proc/"$WRK_PID"/task/*/children 2>/dev/null) "$WRK_PID" 2>/dev/null || true
  fi
  for t in "${JVM_LIST[@]}"; do
    local pid=${PIDS[$t]:-}
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for t in "${JVM_LIST[@]}"; do
    local pid=${PIDS[$t]:-}
    [ -z "$pid" ] && continue
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ -d "$PEERS_DIR/logs" ]; then
    PEERS_DIR=$PEERS_DIR "$PEERS/peers.sh" stop >/dev/null 2>&1 || true
  fi
  if [ "$rc" -eq 130 ] || [ "$rc" -eq 143 ]; then
    echo "run.sh: interrupted; everything it started is stopped" >&2
    rm -rf "$RUN"
  elif [ "$rc" -ne 0 ]; then
    echo "run.sh: failed (exit $rc); logs kept in $RUN" >&2
  else
    rm -rf "$RUN"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ------------------------------------------------------------------------------------------ ports
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
TAKEN=" "
free_port() {
  local p=$1
  while port_in_use "$p" || [[ $TAKEN == *" $p "* ]]; do p=$((p + 1)); done
  TAKEN+="$p "
  echo "$p"
}
UP_PORT=$(free_port 9100)
NG_PORT=$(free_port 9200)
PK_PORT=$(free_port 8787)

# ---------------------------------------------------------------------------------- /proc readers
# utime+stime (clock ticks) summed over the given pids; the fields after "(comm)"
cpu_ticks() {
  local total=0 pid rest
  for pid in "$@"; do
    rest=$(cat "/proc/$pid/stat" 2>/dev/null) || die "process $pid is gone"
    rest=${rest##*) }
    set -- $rest
    total=$((total + ${12} + ${13}))
  done
  echo "$total"
}
jit_ticks() { # utime+stime of a JVM's JIT compiler threads (C1/C2 CompilerThreadN)
  local t total=0 s
  for t in /proc/"$1"/task/*; do
    case $(cat "$t/comm" 2>/dev/null) in
      C1\ CompilerThre*|C2\ CompilerThre*)
        s=$(cat "$t/stat" 2>/dev/null) || continue
        s=${s##*) }; set -- $s; total=$((total + ${12} + ${13}));;
    esac
  done
  echo "$total"
}
rss_kb() { # VmRSS and VmHWM summed: "rss hwm"
  local pid rss=0 hwm=0 v
  for pid in "$@"; do
    v=$(awk '/^VmRSS:/{print $2}' "/proc/$pid/status"); rss=$((rss + v))
    v=$(awk '/^VmHWM:/{print $2}' "/proc/$pid/status"); hwm=$((hwm + v))
  done
  echo "$rss $hwm"
}
nginx_pids() { # the master and its children (the workers)
  local master
  master=$(cat "$PEERS_DIR/nginx/nginx.pid")
  echo "$master"
  cat /proc/"$master"/task/*/children | tr ' ' '\n' | grep .
}
proxy_pids() { # target -> pids whose CPU counts as the proxy's
  case $1 in
    upstream) echo "${PIDS[upstream]}";;
    nginx) nginx_pids;;
    *) echo "${PIDS[$1]}";;
  esac
}

# ------------------------------------------------------------------------------------------ start
log "building Fulcrum if needed and hashing the bench key"
KEY_HASH=$("$ROOT/bin/fulcrum" key hash sk-fake | tail -1)
[[ $KEY_HASH == sha256:* ]] || die "bin/fulcrum key hash sk-fake printed '$KEY_HASH'"

log "starting peers in $PEERS_DIR (upstream :$UP_PORT, nginx :$NG_PORT, portkey :$PK_PORT)"
mkdir -p "$PEERS_DIR"
ln -s "$PEERS_INSTALL_DIR/portkey" "$PEERS_DIR/portkey"   # share the install, keep state private
PEERS_DIR=$PEERS_DIR "$PEERS/peers.sh" start "$UP_PORT" "$NG_PORT" "$PK_PORT" >&2
PIDS[upstream]=$(cat "$PEERS_DIR/logs/upstream.pid")
PIDS[portkey]=$(cat "$PEERS_DIR/logs/portkey.pid")
URLS[upstream]="http://127.0.0.1:$UP_PORT/v1/chat/completions"
URLS[nginx]="http://127.0.0.1:$NG_PORT/v1/chat/completions"
URLS[portkey]="http://127.0.0.1:$PK_PORT/v1/chat/completions"
export PORTKEY_UPSTREAM="http://127.0.0.1:$UP_PORT/v1"

start_fulcrum() { # event-loops [noaudit] -> sets PIDS/URLS for fulcrum-elN[-noaudit]
  local n=$1 name="fulcrum-el$1${2:+-$2}" opts="${FULCRUM_JAVA_OPTS:-}" port
  local logf="$RUN/$name.log" config="$ROOT/bench/gateway/fulcrum-bench.yaml"
  # a port picked here, not --port 0: with port 0 and event-loops > 1 the second server instance
  # fails with "Address already in use" (it binds the resolved port outside Vert.x's sharing)
  port=$(free_port 9300)
  if [ -n "$FULCRUM_JFR_DIR" ]; then
    mkdir -p "$FULCRUM_JFR_DIR"
    opts+=" -XX:StartFlightRecording=filename=$FULCRUM_JFR_DIR/$name.jfr,settings=profile,dumponexit=true"
  fi
  # each Fulcrum keeps its state (SQLite store, audit log, keysets) in its own folder, as a
  # real deployment would, rather than sharing one store in the working directory
  mkdir -p "$RUN/$name-state"
  if [ "${2:-}" = noaudit ]; then
    config="$RUN/$name-state/fulcrum-bench-noaudit.yaml"
    { cat "$ROOT/bench/gateway/fulcrum-bench.yaml"; printf 'audit:\n  enabled: false\n'; } > "$config"
  fi
  cd "$RUN/$name-state"
  BENCH_EVENT_LOOPS=$n BENCH_UPSTREAM_PORT=$UP_PORT BENCH_KEY_HASH=$KEY_HASH \
    BENCH_MAX_CONNECTIONS=$MAX_CONNECTIONS FULCRUM_JAVA_OPTS=$opts \
    nohup "$ROOT/bin/fulcrum" serve --config "$config" \
    --port "$port" > "$logf" 2>&1 < /dev/null &
  cd "$ROOT"
  local pid=$!
  PIDS[$name]=$pid
  JVM_LIST+=("$name")
  local up=""
  for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$logf" >&2; die "$name exited during start"; }
    grep -q "Fulcrum listening: OpenAI base URL http://127.0.0.1:$port/v1" "$logf" && { up=1; break; }
    sleep 0.1
  done
  [ -n "$up" ] || { tail -30 "$logf" >&2; die "$name did not start within 60 s"; }
  curl -sf -m 5 -o /dev/null "http://127.0.0.1:$port/readyz" || die "$name: /readyz is not 200"
  URLS[$name]="http://127.0.0.1:$port/v1/chat/completions"
  # the launcher execs java, so $! is the JVM; check anyway
  [ "$(cat "/proc/$pid/comm")" = java ] || die "$name: pid $pid is $(cat "/proc/$pid/comm"), not java"
  log "$name listening on :$port (pid $pid)"
}
start_floor() { # target (vertx|netty) -> sets PIDS/URLS for it
  local t=$1 port logf="$RUN/$1.log" class
  port=$(free_port 9400)
  case $t in vertx) class=VertxFloor;; netty) class=NettyFloor;; esac
  # the JDK and JVM flags of bin/fulcrum, the libraries of the jar it built above
  (source "$ROOT/bin/java-env.sh"
   exec nohup "$JAVA_HOME/bin/java" $FULCRUM_JAVA_OPTS \
    -Dlogback.configurationFile="$ROOT/fulcrum-gateway/src/main/resources/logback.xml" \
    -cp "$ROOT/fulcrum-gateway/target/lib/*" "$ROOT/bench/gateway/$class.java" \
    "$port" "$UP_PORT" > "$logf" 2>&1 < /dev/null) &
  PIDS[$t]=$!
  JVM_LIST+=("$t")   # stopped, and its command line reported, like the Fulcrum JVMs
  for _ in $(seq 1 300); do
    kill -0 "${PIDS[$t]}" 2>/dev/null || { tail -30 "$logf" >&2; die "$t exited during start"; }
    grep -qs "$class listening" "$logf" && break
    sleep 0.1
  done
  grep -q "$class listening" "$logf" || { tail -30 "$logf" >&2; die "$t did not start within 30 s"; }
  URLS[$t]="http://127.0.0.1:$port/v1/chat/completions"
  log "$t listening on :$port (pid ${PIDS[$t]})"
}
TARGET_LIST=()
for t in $TARGETS; do
  if [ "$t" = vertx ] || [ "$t" = netty ]; then
    start_floor "$t"; TARGET_LIST+=("$t")
  elif [ "$t" = fulcrum ]; then
    for n in $EVENT_LOOPS; do start_fulcrum "$n"; TARGET_LIST+=("fulcrum-el$n"); done
    for n in $NO_AUDIT_EVENT_LOOPS; do
      start_fulcrum "$n" noaudit; TARGET_LIST+=("fulcrum-el$n-noaudit")
    done
  else
    TARGET_LIST+=("$t")
  fi
done

# ----------------------------------------------------------------------------------- correctness
BODY_JSON='{"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"Say hello."}],"max_tokens":16}'
BODY_SSE=${BODY_JSON%\}}',"stream":true}'
CHECKS=""
check_target() {
  local t=$1 mode out hdr=()
  [[ $t == portkey ]] && hdr=(-H "x-portkey-provider: openai" -H "x-portkey-custom-host: $PORTKEY_UPSTREAM")
  for mode in $MODES; do
    local body=$BODY_JSON expect='"content":"Hello from fake upstream."'
    [ "$mode" = sse ] && { body=$BODY_SSE; expect='data: [DONE]'; }
    out=$(curl -sS -m 10 -w '\nHTTP %{http_code} %{content_type}' -H 'Content-Type: application/json' \
      -H 'Authorization: Bearer sk-fake' "${hdr[@]}" -d "$body" "${URLS[$t]}" 2>&1) \
      || die "$t ($mode): curl failed: $out"
    if [[ $out != *"HTTP 200"* || $out != *"$expect"* ]]; then
      die "$t ($mode) answered wrongly (expected HTTP 200 and $expect):"$'\n'"$out"
    fi
    if [ "$mode" = sse ] && [[ $out != *'"content":"Hello"'* ]]; then
      die "$t (sse): no first chunk in the stream:"$'\n'"$out"
    fi
    CHECKS+="| $t | $mode | HTTP 200, $(tail -1 <<<"$out" | cut -d' ' -f3-), contains \`$expect\` |"$'\n'
  done
}
for t in "${TARGET_LIST[@]}"; do check_target "$t"; done
log "every target answers correctly (JSON body / SSE ending in data: [DONE])"

# ------------------------------------------------------------------------------------------- load
wrk_run() { # target mode conns seconds -> prints the RESULT line (or nothing)
  local t=$1 stream=0 pk=0
  [ "$2" = sse ] && stream=1
  [ "$t" = portkey ] && pk=1
  # in the background so that a signal interrupts the wait at once (cleanup stops wrk)
  "$PEERS/peers.sh" wrk "${URLS[$t]}" "$3" "$4" "$stream" "$pk" > "$RUN/wrk.out" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || true
  WRK_PID=""
  grep '^RESULT ' "$RUN/wrk.out" | tail -1
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }
alive() {
  local t=$1 p
  for p in $(proxy_pids "$t"); do kill -0 "$p" 2>/dev/null || die "$t (pid $p) died during the run"; done
  kill -0 "${PIDS[upstream]}" 2>/dev/null || die "the fake upstream died"
}

START_UTC=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
START_S=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# Each mode's sweep starts with a warm-up in that mode: a JVM that has just served the other
# mode re-profiles and recompiles (measured once: SSE right after JSON cost 287 µs/req in the
# first 15 s, less than 200 once settled), so a sweep should not measure that transient.
warm_mode() { # mode
  log "warm-up (discarded): $1 at 32 connections, Fulcrum ${FULCRUM_WARMUP}s, Portkey ${PORTKEY_WARMUP}s"
  local t w
  for t in "${TARGET_LIST[@]}"; do
    case $t in fulcrum-*|vertx|netty) w=$FULCRUM_WARMUP;; portkey) w=$PORTKEY_WARMUP;; *) w=2;; esac
    [ "$w" -gt 0 ] || continue
    wrk_run "$t" "$1" 32 "$w" >/dev/null; alive "$t"
  done
}

RAW="$RUN/results.tsv"
printf 'round\tmode\tconns\ttarget\trequests\trps\tp50_us\tp90_us\tp99_us\tmax_us\terrors\tproxy_cpu_us_per_req\tupstream_cpu_us_per_req\tjit_cpu_us_per_req\n' > "$RAW"
cells=0; total_cells=$(( ROUNDS * $(wc -w <<<"$MODES") * $(wc -w <<<"$CONNS") * ${#TARGET_LIST[@]} ))
for round in $(seq 1 "$ROUNDS"); do
  # rotate the target order each round so no target always runs first after a switch
  ordered=()
  for i in $(seq 0 $(( ${#TARGET_LIST[@]} - 1 ))); do
    ordered+=("${TARGET_LIST[$(( (i + round - 1) % ${#TARGET_LIST[@]} ))]}")
  done
  for mode in $MODES; do
    warm_mode "$mode"
    for c in $CONNS; do
      for t in "${ordered[@]}"; do
        cells=$((cells + 1))
        [ "$WARMUP" -gt 0 ] && wrk_run "$t" "$mode" "$c" "$WARMUP" >/dev/null
        alive "$t"
        mapfile -t pp < <(proxy_pids "$t")
        cpu0=$(cpu_ticks "${pp[@]}"); up0=$(cpu_ticks "${PIDS[upstream]}"); jit0=0
        [[ $t == fulcrum-* || $t == vertx || $t == netty ]] && jit0=$(jit_ticks "${PIDS[$t]}")
        res=$(wrk_run "$t" "$mode" "$c" "$DURATION")
        cpu1=$(cpu_ticks "${pp[@]}"); up1=$(cpu_ticks "${PIDS[upstream]}"); jit1=0
        [[ $t == fulcrum-* || $t == vertx || $t == netty ]] && jit1=$(jit_ticks "${PIDS[$t]}")
        alive "$t"
        if [ -z "$res" ]; then
          log "[$cells/$total_cells] $mode c=$c $t: wrk printed no RESULT line:"; cat "$RUN/wrk.out" >&2
          printf '%s\t%s\t%s\t%s\t0\t0\t0\t0\t0\t0\t-1\tNA\tNA\tNA\n' "$round" "$mode" "$c" "$t" >> "$RAW"
          continue
        fi
        n=$(field requests "$res")
        errs=$(( $(field connect_err "$res") + $(field read_err "$res") + $(field write_err "$res") \
          + $(field status_err "$res") + $(field timeout_err "$res") ))
        awk -v r="$round" -v m="$mode" -v c="$c" -v t="$t" -v n="$n" -v rps="$(field rps "$res")" \
          -v p50="$(field p50_us "$res")" -v p90="$(field p90_us "$res")" -v p99="$(field p99_us "$res")" \
          -v mx="$(field max_us "$res")" -v e="$errs" -v hz="$CLK_TCK" \
          -v dc=$((cpu1 - cpu0)) -v du=$((up1 - up0)) -v dj=$((jit1 - jit0)) -v isj="${t%%-*}" 'BEGIN {
            pc = n > 0 ? sprintf("%.1f", dc * 1e6 / hz / n) : "NA"
            uc = n > 0 ? sprintf("%.1f", du * 1e6 / hz / n) : "NA"
            jc = (n > 0 && (isj == "fulcrum" || isj == "vertx" || isj == "netty")) ? sprintf("%.1f", dj * 1e6 / hz / n) : "NA"
            printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r, m, c, t, n, rps, p50, p90, p99, mx, e, pc, uc, jc
          }' >> "$RAW"
        log "[$cells/$total_cells] $mode c=$c $(printf '%-11s' "$t") $(tail -1 "$RAW" | awk -F'\t' \
          '{printf "%9.0f req/s  p50 %6.2f ms  p99 %7.2f ms  err %s  proxy %s us/req", $6, $7/1000, $9/1000, $11, $12}')"
      done
    done
  done
done
END_UTC=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
ELAPSED=$(( $(date +%s) - START_S ))
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# RSS of each proxy after all runs (nginx: master + workers)
RSS="$RUN/rss.tsv"
: > "$RSS"
for t in "${TARGET_LIST[@]}"; do
  [ "$t" = upstream ] && continue
  mapfile -t pp < <(proxy_pids "$t")
  printf '%s\t%s\t%s\t%s\n' "$t" "$(rss_kb "${pp[@]}" | tr ' ' '\t')" "${#pp[@]}" >> "$RSS"
done
UP_RSS=$(rss_kb "${PIDS[upstream]}")

# ------------------------------------------------------------------------------------------ report
java_version=$(source "$ROOT/bin/java-env.sh" >/dev/null 2>&1 && "$JAVA_HOME/bin/java" -version 2>&1 \
  | head -1)
fulcrum_rev=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$ROOT" diff --quiet HEAD -- 2>/dev/null || fulcrum_rev+=" (with uncommitted changes)"
JVM_CMD=""
for t in "${JVM_LIST[@]}"; do
  JVM_CMD+="- $t: \`$(tr '\0' ' ' < "/proc/${PIDS[$t]}/cmdline" | sed 's/ $//')\`"$'\n'
done

mkdir -p "$(dirname "$OUT")"
{
  cat <<EOF
# Gateway side-by-side benchmark

Written by \`bench/gateway/run.sh\` (do not edit by hand; rerun it). Each target is a proxy in
front of the same fake OpenAI upstream (\`shared/peers/fake-upstream.js\`); the load is wrk with
\`shared/peers/chat.lua\` (a small chat completion; SSE = \`"stream": true\`, 3 chunks + \`[DONE]\`).

- **Ran**: $START_UTC → $END_UTC ($((ELAPSED / 60)) min $((ELAPSED % 60)) s)
- **Command**: \`$COMMAND\`
- **Machine**: $(nproc) CPUs ($(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)), \
$(awk '/^MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, Linux $(uname -r);
  load average before / after: $LOAD_BEFORE / $LOAD_AFTER.
  wrk, the upstream and every proxy share these CPUs, so absolute numbers move from run to run
  (and with anything else running): compare ratios within this run.
- **Versions**: $(wrk -v 2>&1 | head -1 | awk '{print $1, $2}'); $(nginx -v 2>&1 | sed 's/.*: //');
  node $(node -v); Portkey gateway $(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' \
  "$PEERS_INSTALL_DIR/portkey/node_modules/@portkey-ai/gateway/package.json" | head -1);
  Fulcrum $fulcrum_rev on $java_version.
- **Settings**: DURATION=${DURATION}s measured per run; WARMUP=${WARMUP}s discarded run before
  each; before each mode's sweep, a discarded warm-up run in that mode at 32 connections: Fulcrum ${FULCRUM_WARMUP}s,
  Portkey ${PORTKEY_WARMUP}s, others 2s; CONNS="$CONNS"; MODES="$MODES"; ROUNDS=$ROUNDS
  (tables show the median per cell over rounds); wrk threads: 1 at 1 connection, else 2.
- **Targets**: \`upstream\` = wrk straight to the fake upstream; \`nginx\` = one worker,
  keep-alive pool to the upstream (\`shared/peers/nginx.conf.in\`); \`portkey\` = Portkey
  gateway (Node.js) with \`x-portkey-provider: openai\` + \`x-portkey-custom-host\`;
  \`fulcrum-elN\` = \`bin/fulcrum serve\` with \`bench/gateway/fulcrum-bench.yaml\`,
  \`server.event-loops: N\`, upstream pool max-connections $MAX_CONNECTIONS;
  \`fulcrum-elN-noaudit\` = the same with \`audit.enabled: false\` appended (everything else,
  privacy scan included, as by default); \`vertx\` = \`bench/gateway/VertxFloor.java\`: the
  HTTP stack Fulcrum runs on (Vert.x, same options, one event loop, the same JVM flags and
  warm-up) forwarding requests and answers and doing nothing else: the floor under Fulcrum
  for JSON (for SSE it relays with \`pipeTo\`, which flushes each chunk on its own, so it is
  no floor there);
  \`netty\` = \`bench/gateway/NettyFloor.java\`: the same forwarding written straight on Netty
  (the transport under Vert.x, same version, one event loop, same JVM flags and warm-up).
- **Interleaving**: for each mode and connection count, every target runs in turn
  (order rotated per round).
- **CPU µs/req**: utime+stime of the proxy's processes (nginx: master + workers; Portkey: its
  node process; Fulcrum: its JVM) from \`/proc/PID/stat\` before and after the measured run,
  divided by the requests wrk completed (tick = $((1000000 / CLK_TCK)) µs). "of which JIT" is
  the part spent by the JVM's C1/C2 compiler threads (a JVM still warming up shows it here).
  "upstream CPU" is the fake upstream's own CPU per request in the same run, for scale.
- **Errors**: wrk's connect + read + write + timeout errors + non-2xx answers.

Correctness, checked with curl before measuring:

| target | mode | answer |
|---|---|---|
$CHECKS
EOF
  awk -F'\t' -v targets="${TARGET_LIST[*]}" -v modes="$MODES" -v conns="$CONNS" -v rssfile="$RSS" \
      -v uprss="$UP_RSS" '
    function median(key,   n, i, j, a, tmp) {
      n = cnt[key]; if (n == 0) return "NA"
      for (i = 1; i <= n; i++) a[i] = vals[key, i]
      for (i = 2; i <= n; i++) { tmp = a[i]; j = i - 1; while (j >= 1 && a[j] + 0 > tmp + 0) { a[j+1] = a[j]; j-- } a[j+1] = tmp }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    function add(cell, col, v,   k) { if (v == "NA" || v == "") return; k = cell SUBSEP col; cnt[k]++; vals[k, cnt[k]] = v }
    function get(m, c, t, col) { return median(m SUBSEP c SUBSEP t SUBSEP col) }
    function ms(us) { return us == "NA" ? "—" : sprintf("%.2f", us / 1000) }
    function num(v, f) { return (v == "NA" || v == "") ? "—" : sprintf(f, v) }
    function yes(b) { return b ? "**met**" : "**missed**" }
    NR == 1 { next }
    {
      cell = $2 SUBSEP $3 SUBSEP $4
      if ($11 < 0) { failed[cell] = 1; next }
      add(cell, "rps", $6); add(cell, "p50", $7); add(cell, "p99", $9); add(cell, "pcpu", $12)
      add(cell, "ucpu", $13); add(cell, "jcpu", $14); errs[cell] += $11; runs[cell]++
    }
    END {
      nt = split(targets, T, " "); nm = split(modes, M, " "); nc = split(conns, C, " ")
      print "## Results\n"
      for (i = 1; i <= nm; i++) {
        m = M[i]
        printf "### %s\n\n", (m == "json" ? "JSON (stream: false)" : "SSE (stream: true)")
        print "| conns | target | req/s | p50 ms | p99 ms | errors | proxy CPU µs/req | of which JIT | upstream CPU µs/req |"
        print "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
        for (j = 1; j <= nc; j++) for (k = 1; k <= nt; k++) {
          c = C[j]; t = T[k]; cell = m SUBSEP c SUBSEP t
          if (!runs[cell]) { printf "| %s | %s | failed | | | | | | |\n", c, t; continue }
          pc = get(m, c, t, "pcpu")
          printf "| %s | %s | %s | %s | %s | %d%s | %s | %s | %s |\n", c, t, num(get(m, c, t, "rps"), "%.0f"),
            ms(get(m, c, t, "p50")), ms(get(m, c, t, "p99")), errs[cell], (failed[cell] ? " (+failed run)" : ""),
            (t == "upstream" ? "—" : num(pc, "%.0f")), num(get(m, c, t, "jcpu"), "%.0f"), num(get(m, c, t, "ucpu"), "%.0f")
        }
        print ""
      }
      print "## Added latency at 1 connection (target − upstream direct)\n"
      print "The target asks for added p99; added p50 is shown too because a p99 over a few seconds"
      print "on a shared 2-core machine swings by milliseconds (it can even come out negative).\n"
      hdr = "| target |"; sep = "|---|"
      for (i = 1; i <= nm; i++) { hdr = hdr " " M[i] " p99 ms | **added p99 ms** | " M[i] " p50 ms | added p50 ms |"; sep = sep "---:|---:|---:|---:|" }
      print hdr; print sep
      for (k = 1; k <= nt; k++) {
        t = T[k]; line = "| " t " |"
        for (i = 1; i <= nm; i++) {
          for (q = 1; q <= 2; q++) {
            col = (q == 1 ? "p99" : "p50")
            p = get(M[i], 1, t, col); up = get(M[i], 1, "upstream", col)
            d = (p == "NA" || up == "NA") ? "—" : (t == "upstream" ? "0" : sprintf("%+.2f", (p - up) / 1000))
            line = line " " ms(p) " | " (q == 1 ? "**" d "**" : d) " |"
          }
        }
        print line
      }
      print ""
      print "## Proxy CPU per request relative to nginx, and req/s relative to Portkey\n"
      print "| mode | conns | target | CPU µs/req | × nginx | req/s | × Portkey |"
      print "|---|---:|---|---:|---:|---:|---:|"
      for (i = 1; i <= nm; i++) for (j = 1; j <= nc; j++) for (k = 1; k <= nt; k++) {
        m = M[i]; c = C[j]; t = T[k]
        if (t == "upstream" || t == "nginx") continue
        pc = get(m, c, t, "pcpu"); nx = get(m, c, "nginx", "pcpu"); r = get(m, c, t, "rps"); pr = get(m, c, "portkey", "rps")
        printf "| %s | %s | %s | %s | %s | %s | %s |\n", m, c, t, num(pc, "%.0f"),
          ((pc == "NA" || nx == "NA" || nx == 0) ? "—" : sprintf("%.2f", pc / nx)), num(r, "%.0f"),
          ((r == "NA" || pr == "NA" || pr == 0) ? "—" : sprintf("%.1f", r / pr))
      }
      print ""
      if (index(" " targets " ", " vertx ")) {
        print "## Fulcrum above its HTTP stack (the netty and vertx floors)\n"
        print "CPU µs per request of the bare Netty and Vert.x proxies, and what each Fulcrum spends"
        print "above the Vert.x one (routing, auth, JSON, privacy scan, metrics, drift, audit).\n"
        hdr = "| mode | conns | nginx | netty | netty × nginx | vertx | vertx × nginx |"; sep = "|---|---:|---:|---:|---:|---:|---:|"
        for (k = 1; k <= nt; k++) if (T[k] ~ /^fulcrum/) { hdr = hdr " " T[k] " − vertx |"; sep = sep "---:|" }
        print hdr; print sep
        for (i = 1; i <= nm; i++) for (j = 1; j <= nc; j++) {
          m = M[i]; c = C[j]; nx = get(m, c, "nginx", "pcpu"); vx = get(m, c, "vertx", "pcpu")
          ny = get(m, c, "netty", "pcpu")
          line = sprintf("| %s | %s | %s | %s | %s | %s | %s |", m, c, num(nx, "%.0f"), num(ny, "%.0f"),
            ((ny == "NA" || nx == "NA" || nx == 0) ? "—" : sprintf("%.2f", ny / nx)), num(vx, "%.0f"),
            ((vx == "NA" || nx == "NA" || nx == 0) ? "—" : sprintf("%.2f", vx / nx)))
          for (k = 1; k <= nt; k++) if (T[k] ~ /^fulcrum/) {
            pc = get(m, c, T[k], "pcpu")
            line = line " " ((pc == "NA" || vx == "NA") ? "—" : sprintf("%+.0f", pc - vx)) " |"
          }
          print line
        }
        print ""
      }
      print "## Memory after the runs\n"
      print "| process | VmRSS MiB | VmHWM (peak) MiB | processes |"
      print "|---|---:|---:|---:|"
      while ((getline line < rssfile) > 0) {
        split(line, f, "\t"); printf "| %s | %.1f | %.1f | %s |\n", f[1], f[2] / 1024, f[3] / 1024, f[4]
      }
      split(uprss, ur, " "); printf "| (fake upstream, for scale) | %.1f | %.1f | 1 |\n\n", ur[1] / 1024, ur[2] / 1024
      print "## Project targets\n"
      print "1. Fulcrum passthrough CPU per request ≤ 2× nginx'"'"'s (shown at 32 connections, and the worst cell)."
      print "2. Fulcrum req/s ≥ 10× Portkey'"'"'s at 32 connections.\n"
      print "| Fulcrum | 1: JSON c=32 (CPU × nginx) | 1: SSE c=32 | 1: worst cell | 2: JSON c=32 (req/s × Portkey) | 2: SSE c=32 |"
      print "|---|---|---|---|---|---|"
      for (k = 1; k <= nt; k++) {
        t = T[k]; if (t !~ /^fulcrum/) continue
        worst = -1; at = ""
        for (i = 1; i <= nm; i++) for (j = 1; j <= nc; j++) {
          pc = get(M[i], C[j], t, "pcpu"); nx = get(M[i], C[j], "nginx", "pcpu")
          if (pc == "NA" || nx == "NA" || nx == 0) continue
          if (pc / nx > worst) { worst = pc / nx; at = M[i] " c=" C[j] }
        }
        line = "| " t " |"
        for (i = 1; i <= 2; i++) {
          m = (i == 1 ? "json" : "sse"); pc = get(m, 32, t, "pcpu"); nx = get(m, 32, "nginx", "pcpu")
          line = line " " ((pc == "NA" || nx == "NA" || nx == 0) ? "not measured" : sprintf("%s %.1f×", yes(pc / nx <= 2), pc / nx)) " |"
        }
        line = line " " (worst < 0 ? "not measured" : sprintf("%s %.1f× (%s)", yes(worst <= 2), worst, at)) " |"
        for (i = 1; i <= 2; i++) {
          m = (i == 1 ? "json" : "sse"); r = get(m, 32, t, "rps"); pr = get(m, 32, "portkey", "rps")
          line = line " " ((r == "NA" || pr == "NA" || pr == 0) ? "not measured" : sprintf("%s %.1f×", yes(r / pr >= 10), r / pr)) " |"
        }
        print line
      }
      print ""
    }' "$RAW"
  cat <<EOF
## JVMs

$JVM_CMD
## Raw results (one line per measured run; latencies in µs)

\`\`\`tsv
$(cat "$RAW")
\`\`\`
EOF
} > "$OUT"
log "wrote $OUT"
echo "$OUT"
