/** The {@code fulcrum} command line: serve, demo, key, model, rollout, kill, drift, audit, pii. */
package dev.fulcrum.gateway.cli;
