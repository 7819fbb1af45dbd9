/**
 * Backend health: circuit breakers (Resilience4j), EWMA latency and error rates, calls in flight
 * and upstream cool-downs. The pipeline records outcomes; the router reads snapshots.
 */
package dev.fulcrum.dataplane.health;
