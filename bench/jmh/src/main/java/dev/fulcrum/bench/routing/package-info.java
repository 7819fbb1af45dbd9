/**
 * Decision time of the router with 20 candidate backends (JMH, sample mode for percentiles). Run
 * with {@code bench/jmh/run.sh RouterBenchmark}; the target is p99 at most 5 µs.
 */
package dev.fulcrum.bench.routing;
