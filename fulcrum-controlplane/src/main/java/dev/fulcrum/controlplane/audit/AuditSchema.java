package dev.fulcrum.controlplane.audit;

import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.controlplane.store.Migration;
import dev.fulcrum.controlplane.store.Migrations;
import java.util.List;

/**
 * The {@code audit} component's tables. {@code body} holds the canonical bytes (the only source
 * of truth); {@code tenant}, {@code request_id}, {@code model_version} and {@code ts} are copies
 * for indexed queries, and the verifier checks that they agree with the body.
 */
final class AuditSchema {
  static final String COMPONENT = "audit";

  private static final String EVENTS = "CREATE TABLE audit_events (seq %s PRIMARY KEY, "
      + "ts BIGINT NOT NULL, event_type VARCHAR(32) NOT NULL, tenant VARCHAR(64), "
      + "request_id VARCHAR(128), model_version VARCHAR(200), body TEXT NOT NULL, "
      + "prev_hash CHAR(64) NOT NULL, hash CHAR(64) NOT NULL);"
      + "CREATE INDEX audit_events_ts ON audit_events (ts);"
      + "CREATE INDEX audit_events_tenant ON audit_events (tenant, seq);"
      + "CREATE INDEX audit_events_request ON audit_events (request_id);"
      + "CREATE INDEX audit_events_model ON audit_events (model_version, seq)";
  private static final String CHECKPOINTS = "CREATE TABLE audit_checkpoints (number %s PRIMARY "
      + "KEY, first_seq BIGINT NOT NULL, last_seq BIGINT NOT NULL, ts BIGINT NOT NULL, "
      + "statement TEXT NOT NULL, signature TEXT NOT NULL)";

  // SQLite: INTEGER PRIMARY KEY makes the sequence the rowid, the cheapest key there is
  private static final List<Migration> STEPS = List.of(
      new Migration(1, "audit events, hash-chained", EVENTS.formatted("INTEGER"),
          EVENTS.formatted("BIGINT")),
      new Migration(2, "signed audit checkpoints", CHECKPOINTS.formatted("INTEGER"),
          CHECKPOINTS.formatted("BIGINT")));

  private AuditSchema() {}

  static void apply(Database db) {
    Migrations.apply(db, COMPONENT, STEPS);
  }
}
