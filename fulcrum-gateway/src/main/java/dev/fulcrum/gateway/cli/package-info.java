/** The {@code fulcrum} command line: serve, demo, key, audit. */
package dev.fulcrum.gateway.cli;
