package dev.fulcrum.controlplane.rollout;

import dev.fulcrum.controlplane.registry.internal.Sql;
import dev.fulcrum.controlplane.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Bounded storage of shadow pairs. Writes skip the control-plane revision on purpose: a pair
 * changes no routing state, and bumping it would make every replica rebuild its snapshot per
 * mirrored request.
 */
final class ShadowPairStore {
  private final Database db;
  private final ShadowRetention retention;

  ShadowPairStore(Database db, ShadowRetention retention) {
    this.db = db;
    this.retention = retention;
  }

  void add(long rolloutId, ShadowPair pair, Instant at) {
    db.transaction(c -> Sql.update(c, "INSERT INTO rollout_shadow_pairs (rollout_id, "
        + "request_id, primary_version, shadow_version, primary_latency_ms, shadow_latency_ms, "
        + "primary_failed, shadow_failed, similarity, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rolloutId, pair.requestId(), pair.primaryVersion(), pair.shadowVersion(),
        millis(pair.primaryLatency()), millis(pair.shadowLatency()), pair.primaryFailed(),
        pair.shadowFailed(), Double.isNaN(pair.similarity()) ? Sql.Null.DOUBLE
            : (Object) pair.similarity(), at));
  }

  List<ShadowPair> newest(long rolloutId, int limit) {
    return db.transaction(c -> Sql.query(c, "SELECT request_id, primary_version, "
        + "shadow_version, primary_latency_ms, shadow_latency_ms, primary_failed, shadow_failed, "
        + "similarity FROM rollout_shadow_pairs WHERE rollout_id = ? ORDER BY id DESC LIMIT ?",
        row -> {
          double similarity = row.getDouble("similarity");
          boolean compared = !row.wasNull();
          return new ShadowPair(row.getString("request_id"), row.getString("primary_version"),
              row.getString("shadow_version"), fromMillis(row.getDouble("primary_latency_ms")),
              fromMillis(row.getDouble("shadow_latency_ms")), row.getInt("primary_failed") == 1,
              row.getInt("shadow_failed") == 1, compared ? similarity : Double.NaN);
        }, rolloutId, limit));
  }

  /** Keeps the newest {@code maxPairsPerRollout} of each rollout and nothing past maxAge. */
  void prune(List<Long> rolloutIds, Instant now) {
    db.transaction(c -> {
      Sql.update(c, "DELETE FROM rollout_shadow_pairs WHERE at < ?",
          now.minus(retention.maxAge()));
      for (long id : rolloutIds) {
        var cutoff = Sql.queryOne(c, "SELECT id FROM rollout_shadow_pairs WHERE rollout_id = ? "
            + "ORDER BY id DESC LIMIT 1 OFFSET ?", row -> row.getLong(1), id,
            retention.maxPairsPerRollout());
        if (cutoff.isPresent()) {
          Sql.update(c, "DELETE FROM rollout_shadow_pairs WHERE rollout_id = ? AND id <= ?", id,
              cutoff.get());
        }
      }
      return null;
    });
  }

  private static double millis(Duration duration) {
    return duration.toNanos() / 1e6;
  }

  private static Duration fromMillis(double millis) {
    return Duration.ofNanos(Math.round(millis * 1e6));
  }
}
