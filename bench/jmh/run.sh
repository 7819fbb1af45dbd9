#!/usr/bin/env bash
# Builds and runs the JMH benchmarks: bench/jmh/run.sh [REGEX] [extra JMH args…]
# Example: bench/jmh/run.sh PiiScan -f 1 -wi 3 -i 5
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/bin/java-env.sh"
(cd "$ROOT" && mvn -q -B -Dstyle.color=never -DskipTests -Pbench -pl bench/jmh -am package)
exec "$JAVA_HOME/bin/java" $FULCRUM_JAVA_OPTS -jar "$ROOT/bench/jmh/target/benchmarks.jar" "$@"
