/**
 * The batching load test: closed-loop callers embedding one text at a time against a simulated
 * GPU-shaped backend, unbatched and through the adaptive batcher. Not a JMH benchmark (it
 * measures latency under concurrency, not a hot loop); run it with {@code bench/batching/run.sh}.
 */
package dev.fulcrum.bench.batching;
