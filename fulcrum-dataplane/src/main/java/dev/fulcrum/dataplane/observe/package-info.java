/**
 * Observing requests: the outcome of every request, delivered to observers (rollout guards,
 * shadow comparison, drift, usage, metrics) that can never break the request they observe.
 */
package dev.fulcrum.dataplane.observe;
