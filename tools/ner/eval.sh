#!/usr/bin/env bash
# Measures the shipped NER model on the shared evaluation sets (never used for training):
# token-level P/R/F1 on synth_dev.json (Presidio's mapping) and on WNUT-17 dev.
# Usage: tools/ner/eval.sh [SHARED_DATA_DIR]   (default: ../shared/data/pii beside the repo)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/bin/java-env.sh"
DATA=${1:-"$ROOT/../shared/data/pii"}
(cd "$ROOT" && mvn -q -B -Dstyle.color=never -pl fulcrum-dataplane -am test-compile)
CP="$ROOT/fulcrum-core/target/classes:$ROOT/fulcrum-dataplane/target/classes:$ROOT/fulcrum-dataplane/target/test-classes"
exec "$JAVA_HOME/bin/java" -cp "$CP" dev.fulcrum.dataplane.privacy.ner.NerEvaluation "$DATA"
