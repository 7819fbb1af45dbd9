/**
 * JMH micro-benchmarks, one subpackage per subject (privacy, routing, …). Run them with
 * {@code bench/jmh/run.sh [REGEX]}; results go to {@code bench/results/}.
 */
package dev.fulcrum.bench;
