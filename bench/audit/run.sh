#!/usr/bin/env bash
# Audit log benchmark: appends/s (group commit vs one event per transaction) and verify speed,
# on SQLite and PostgreSQL. Prints Markdown tables; results are recorded in bench/results/audit.md.
#   bench/audit/run.sh [--dialects sqlite,postgresql] [--threads 1,8,32] [--seconds 10]
#                      [--warmup 3] [--verify-events 100000] [--postgres postgresql://…]
# PostgreSQL defaults to postgresql://127.0.0.1:5432/test?user=postgres (or
# $FULCRUM_BENCH_POSTGRES_URL); each run uses a fresh schema and drops it afterwards.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/bin/java-env.sh"
(cd "$ROOT" && mvn -q -B -Dstyle.color=never -DskipTests -pl bench/jmh -am package)
exec "$JAVA_HOME/bin/java" $FULCRUM_JAVA_OPTS -Xmx1g -cp "$ROOT/bench/jmh/target/benchmarks.jar" \
  dev.fulcrum.bench.audit.AuditBench "$@"
