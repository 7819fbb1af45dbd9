/**
 * Audit log throughput: appends per second with group commit versus one event per transaction,
 * and verification speed, on SQLite and PostgreSQL. A plain runnable rather than JMH because the
 * subject is a concurrent, durable, stateful service; run it with {@code bench/audit/run.sh}.
 */
package dev.fulcrum.bench.audit;
