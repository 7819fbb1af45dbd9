/**
 * The simulated backend: fabricated, clearly labelled answers with a configurable latency
 * distribution, token rate, batch cost curve, error rate and device concurrency. It is never
 * chosen unless a config names it; it exists for demos, tests and benchmarks.
 */
package dev.fulcrum.inference.simulated;
