#!/usr/bin/env bash
# Retrains the prompt classifier from tools/classifier/prompts.jsonl and regenerates
#   fulcrum-dataplane/src/main/resources/dev/fulcrum/dataplane/classify/prompt-classifier.json
#   tools/classifier/evaluation.md
# Deterministic: no random seed is involved (hash-based split, zero init, convex objective,
# one thread). Run from anywhere: tools/classifier/train.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/bin/java-env.sh"
cd "$ROOT"
mvn -q -B -Dstyle.color=never -pl fulcrum-dataplane -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/classifier-test.classpath -Dmdep.includeScope=test
CP="fulcrum-dataplane/target/test-classes:fulcrum-dataplane/target/classes"
CP="$CP:$(cat fulcrum-dataplane/target/classifier-test.classpath)"
exec "$JAVA_HOME/bin/java" $FULCRUM_JAVA_OPTS -cp "$CP" \
  dev.fulcrum.dataplane.classify.Trainer "$ROOT"
