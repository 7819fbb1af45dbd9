package dev.fulcrum.controlplane.rollout;

import dev.fulcrum.controlplane.registry.internal.Ddl;
import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.controlplane.store.Migration;
import dev.fulcrum.controlplane.store.Migrations;
import java.util.List;

/** The rollout tables. Timestamps are epoch milliseconds; JSON columns via RolloutCodec. */
final class RolloutSchema {
  private static final List<Migration> STEPS = List.of(Ddl.migration(1, "rollouts, their "
      + "history, shadow pairs",
      "CREATE TABLE rollouts (" + Ddl.ID + ", model VARCHAR(128) NOT NULL, baseline VARCHAR(64) "
          + "NOT NULL, candidate VARCHAR(64) NOT NULL, canary_percent DOUBLE PRECISION NOT NULL, "
          + "shadow_rate DOUBLE PRECISION NOT NULL, policy TEXT NOT NULL, state VARCHAR(16) NOT "
          + "NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);"
          + "CREATE INDEX rollouts_model ON rollouts (model, state);"
          + "CREATE TABLE rollout_history (" + Ddl.ID + ", rollout_id BIGINT NOT NULL, "
          + "kind VARCHAR(16) NOT NULL, from_state VARCHAR(16), to_state VARCHAR(16), "
          + "canary_percent DOUBLE PRECISION, shadow_rate DOUBLE PRECISION, decision TEXT, "
          + "applied INTEGER, actor TEXT NOT NULL, reason TEXT NOT NULL, at BIGINT NOT NULL);"
          + "CREATE INDEX rollout_history_rollout ON rollout_history (rollout_id, id);"
          + "CREATE TABLE rollout_shadow_pairs (" + Ddl.ID + ", rollout_id BIGINT NOT NULL, "
          + "request_id VARCHAR(128) NOT NULL, primary_version VARCHAR(64) NOT NULL, "
          + "shadow_version VARCHAR(64) NOT NULL, primary_latency_ms DOUBLE PRECISION NOT NULL, "
          + "shadow_latency_ms DOUBLE PRECISION NOT NULL, primary_failed INTEGER NOT NULL, "
          + "shadow_failed INTEGER NOT NULL, similarity DOUBLE PRECISION, at BIGINT NOT NULL);"
          + "CREATE INDEX rollout_shadow_pairs_rollout ON rollout_shadow_pairs (rollout_id, id);"
          + "CREATE INDEX rollout_shadow_pairs_at ON rollout_shadow_pairs (at)"));

  private RolloutSchema() {}

  static void migrate(Database db) {
    Migrations.apply(db, "rollout", STEPS);
  }
}
