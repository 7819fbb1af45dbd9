#!/usr/bin/env bash
# The batching load test (not a JMH benchmark): closed-loop callers against a simulated GPU
# (20 ms + 1 ms per item, one batch at a time), unbatched vs through the adaptive batcher.
# Usage: bench/batching/run.sh [--callers=8,64,256] [--max-batch=128] [--sla=250ms] …
# (all options: see BatchingLoad's Javadoc). The raw output is kept in bench/results/raw/.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/bin/java-env.sh"
(cd "$ROOT" && mvn -q -B -Dstyle.color=never -DskipTests -pl bench/jmh -am package)
mkdir -p "$ROOT/bench/results/raw"
OUT="$ROOT/bench/results/raw/batching-$(date +%Y%m%d-%H%M%S).txt"
"$JAVA_HOME/bin/java" $FULCRUM_JAVA_OPTS -Xmx1g -cp "$ROOT/bench/jmh/target/benchmarks.jar" \
  dev.fulcrum.bench.batching.BatchingLoad "$@" | tee "$OUT"
echo "raw output: $OUT"
