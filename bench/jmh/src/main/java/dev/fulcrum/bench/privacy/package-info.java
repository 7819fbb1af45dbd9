/**
 * Privacy benchmarks: {@link dev.fulcrum.bench.privacy.PiiScanBenchmark} (JMH, scan time) and
 * {@link dev.fulcrum.bench.privacy.PiiEval} (detection quality on the shared PII data sets, run
 * with {@code bench/pii-eval/run.sh}). Neither runs in CI.
 */
package dev.fulcrum.bench.privacy;
