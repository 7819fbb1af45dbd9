#!/usr/bin/env bash
# PII detection quality: Fulcrum's detector and the npm package redact-pii on the shared data.
# Usage: bench/pii-eval/run.sh [extra PiiEval report options, e.g. --phone-leniency VALID]
# Reads $FULCRUM_SHARED/data/pii (default: ../shared next to the repository); copies nothing
# into the repository. Writes bench/results/pii-eval.md. Not part of CI.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/bin/java-env.sh"
export FULCRUM_SHARED="${FULCRUM_SHARED:-$ROOT/../shared}"
WORK="$ROOT/bench/pii-eval/target"
mkdir -p "$WORK" "$ROOT/bench/results"

(cd "$ROOT" && mvn -q -B -Dstyle.color=never -DskipTests -Pbench -pl bench/jmh -am package)
JAR="$ROOT/bench/jmh/target/benchmarks.jar"
"$JAVA_HOME/bin/java" -cp "$JAR" dev.fulcrum.bench.privacy.PiiEval export "$WORK/texts.json"

# redact-pii goes into an ignored folder, never into package.json of the project.
if [ ! -d "$WORK/node_modules/redact-pii" ]; then
  npm install --prefix "$WORK" --no-save --no-audit --no-fund --ignore-scripts redact-pii@3.4.0 >/dev/null
fi
NODE_PATH="$WORK/node_modules" node "$ROOT/bench/pii-eval/redact-pii-eval.js" \
  "$WORK/texts.json" "$WORK/redact-pii.json"

"$JAVA_HOME/bin/java" -cp "$JAR" dev.fulcrum.bench.privacy.PiiEval report \
  --compare "redact-pii=$WORK/redact-pii.json" --out "$WORK/tables.md" "$@"
echo "tables written to $WORK/tables.md; bench/results/pii-eval.md embeds them"
