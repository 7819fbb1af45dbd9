#!/usr/bin/env bash
# Validates the drift detector on NannyML's California Housing months and prints the Markdown
# tables of bench/results/drift.md. Usage: bench/drift/run.sh [OUTPUT.md]
# Data: shared/data/drift/california in the nearest shared/ above the repository, or set
# FULCRUM_SHARED to the directory holding data/.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/bin/java-env.sh"
SHARED=${FULCRUM_SHARED:-}
if [ -z "$SHARED" ]; then
  dir=$ROOT
  while [ "$dir" != "/" ] && [ ! -d "$dir/shared/data/drift/california" ]; do dir=$(dirname "$dir"); done
  SHARED=$dir/shared
fi
[ -d "$SHARED/data/drift/california" ] || { echo "no drift data under $SHARED; set FULCRUM_SHARED" >&2; exit 1; }
CP_FILE="$ROOT/fulcrum-controlplane/target/test-classpath.txt"
(cd "$ROOT" && mvn -q -B -Dstyle.color=never -pl fulcrum-controlplane -am test-compile \
  dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test)
CP="$ROOT/fulcrum-controlplane/target/test-classes:$ROOT/fulcrum-controlplane/target/classes:$(cat "$CP_FILE")"
run() {
  "$JAVA_HOME/bin/java" -Dfulcrum.shared="$SHARED" -cp "$CP" \
    dev.fulcrum.controlplane.drift.CaliforniaValidation
}
if [ $# -ge 1 ]; then run > "$1"; echo "wrote $1" >&2; else run; fi
