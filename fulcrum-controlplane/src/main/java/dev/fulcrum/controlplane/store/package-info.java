/**
 * The control-plane store: SQLite (embedded default) or PostgreSQL (clusters), per-component
 * schema migrations, and transactions over plain JDBC.
 */
package dev.fulcrum.controlplane.store;
