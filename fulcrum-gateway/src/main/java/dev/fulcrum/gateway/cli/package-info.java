/** The {@code fulcrum} command line: serve, demo, key. */
package dev.fulcrum.gateway.cli;
