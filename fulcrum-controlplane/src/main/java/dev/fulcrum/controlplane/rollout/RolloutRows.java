package dev.fulcrum.controlplane.rollout;

import dev.fulcrum.controlplane.registry.Change;
import dev.fulcrum.controlplane.registry.RegistryConflictException;
import dev.fulcrum.controlplane.registry.internal.Sql;
import dev.fulcrum.controlplane.registry.internal.Tx;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** JDBC for {@code rollouts} and {@code rollout_history}. */
final class RolloutRows {
  private static final String COLUMNS = "id, model, baseline, candidate, canary_percent, "
      + "shadow_rate, policy, state, created_at, updated_at";

  private RolloutRows() {}

  static long insert(Tx tx, RolloutPlan plan, String baseline) throws SQLException {
    return Sql.insert(tx.connection(), "INSERT INTO rollouts (model, baseline, candidate, "
        + "canary_percent, shadow_rate, policy, state, created_at, updated_at) VALUES "
        + "(?, ?, ?, ?, ?, ?, ?, ?, ?)", plan.model(), baseline, plan.candidate(),
        plan.canaryPercent(), plan.shadowRate(), RolloutCodec.policy(plan.policy()),
        RolloutState.PENDING.name(), tx.now(), tx.now());
  }

  static Optional<Rollout> find(Connection c, long id) throws SQLException {
    return Sql.queryOne(c, "SELECT " + COLUMNS + " FROM rollouts WHERE id = ?",
        RolloutRows::rollout, id);
  }

  static Rollout require(Connection c, long id) throws SQLException {
    return find(c, id).orElseThrow(() -> new UnknownRolloutException(id));
  }

  static List<Rollout> byModel(Connection c, String model) throws SQLException {
    return Sql.query(c, "SELECT " + COLUMNS + " FROM rollouts WHERE model = ? ORDER BY id DESC",
        RolloutRows::rollout, model);
  }

  static List<Rollout> running(Connection c) throws SQLException {
    return Sql.query(c, "SELECT " + COLUMNS + " FROM rollouts WHERE state = ? ORDER BY id",
        RolloutRows::rollout, RolloutState.RUNNING.name());
  }

  /** Moves the row from {@code from} to {@code to}; fails if someone moved it first. */
  static void move(Tx tx, Rollout rollout, RolloutState to, String baseline)
      throws SQLException {
    int updated = Sql.update(tx.connection(), "UPDATE rollouts SET state = ?, baseline = ?, "
        + "updated_at = ? WHERE id = ? AND state = ?", to.name(), baseline, tx.now(),
        rollout.id(), rollout.state().name());
    if (updated != 1) {
      throw new RegistryConflictException(rollout.describe() + " changed concurrently; read it "
          + "again and retry");
    }
  }

  static void split(Tx tx, long id, double canaryPercent, double shadowRate)
      throws SQLException {
    Sql.update(tx.connection(), "UPDATE rollouts SET canary_percent = ?, shadow_rate = ?, "
        + "updated_at = ? WHERE id = ?", canaryPercent, shadowRate, tx.now(), id);
  }

  static void history(Tx tx, long id, RolloutEvent event) throws SQLException {
    Object[] columns = switch (event) {
      case RolloutEvent.Created e -> new Object[] {"CREATED", Sql.Null.TEXT, Sql.Null.TEXT,
          e.canaryPercent(), e.shadowRate(), Sql.Null.TEXT, Sql.Null.BIGINT};
      case RolloutEvent.Transition e -> new Object[] {"TRANSITION", e.from().name(),
          e.to().name(), Sql.Null.DOUBLE, Sql.Null.DOUBLE, Sql.Null.TEXT, Sql.Null.BIGINT};
      case RolloutEvent.SplitChanged e -> new Object[] {"SPLIT", Sql.Null.TEXT, Sql.Null.TEXT,
          e.canaryPercent(), e.shadowRate(), Sql.Null.TEXT, Sql.Null.BIGINT};
      case RolloutEvent.Decision e -> new Object[] {"DECISION", Sql.Null.TEXT, Sql.Null.TEXT,
          Sql.Null.DOUBLE, Sql.Null.DOUBLE, RolloutCodec.verdict(e.verdict()), e.applied()};
    };
    Sql.update(tx.connection(), "INSERT INTO rollout_history (rollout_id, kind, from_state, "
        + "to_state, canary_percent, shadow_rate, decision, applied, actor, reason, at) VALUES "
        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, columns[0], columns[1], columns[2],
        columns[3], columns[4], columns[5], columns[6], event.change().actor(),
        event.change().reason(), event.at());
  }

  static List<RolloutEvent> history(Connection c, Rollout rollout) throws SQLException {
    return Sql.query(c, "SELECT kind, from_state, to_state, canary_percent, shadow_rate, "
        + "decision, applied, actor, reason, at FROM rollout_history WHERE rollout_id = ? "
        + "ORDER BY id", row -> event(row, rollout), rollout.id());
  }

  private static RolloutEvent event(ResultSet row, Rollout rollout) throws SQLException {
    Change change = new Change(row.getString("actor"), row.getString("reason"));
    var at = Sql.instant(row, "at");
    return switch (row.getString("kind")) {
      case "CREATED" -> new RolloutEvent.Created(rollout.id(), rollout.model(),
          rollout.candidate(), row.getDouble("canary_percent"), row.getDouble("shadow_rate"),
          change, at);
      case "TRANSITION" -> new RolloutEvent.Transition(rollout.id(), rollout.model(),
          RolloutState.valueOf(row.getString("from_state")),
          RolloutState.valueOf(row.getString("to_state")), change, at);
      case "SPLIT" -> new RolloutEvent.SplitChanged(rollout.id(), rollout.model(),
          row.getDouble("canary_percent"), row.getDouble("shadow_rate"), change, at);
      case "DECISION" -> new RolloutEvent.Decision(rollout.id(), rollout.model(),
          RolloutCodec.verdict(row.getString("decision")), row.getInt("applied") == 1, change,
          at);
      default -> throw new IllegalStateException("unknown rollout history kind in the store");
    };
  }

  private static Rollout rollout(ResultSet row) throws SQLException {
    return new Rollout(row.getLong("id"), row.getString("model"), row.getString("baseline"),
        row.getString("candidate"), row.getDouble("canary_percent"),
        row.getDouble("shadow_rate"), RolloutCodec.policy(row.getString("policy")),
        RolloutState.valueOf(row.getString("state")), Sql.instant(row, "created_at"),
        Sql.instant(row, "updated_at"));
  }
}
