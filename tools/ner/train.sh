#!/usr/bin/env bash
# Trains the NER model deterministically and writes
# fulcrum-dataplane/src/main/resources/dev/fulcrum/dataplane/privacy/ner/model.bin.gz.
# Usage: tools/ner/train.sh [--epochs N] [--sentences N] [--features N] [--seed N]
# Inputs (all committed): tools/ner/templates.txt, tools/ner/data/samples.tsv.gz and the
# gazetteer resource; see tools/ner/PROVENANCE.md. Needs no network.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/bin/java-env.sh"
(cd "$ROOT" && mvn -q -B -Dstyle.color=never -pl fulcrum-dataplane -am test-compile)
CP="$ROOT/fulcrum-core/target/classes:$ROOT/fulcrum-dataplane/target/classes:$ROOT/fulcrum-dataplane/target/test-classes"
exec "$JAVA_HOME/bin/java" -Xmx6g -cp "$CP" dev.fulcrum.dataplane.privacy.ner.NerTrainer --repo "$ROOT" "$@"
