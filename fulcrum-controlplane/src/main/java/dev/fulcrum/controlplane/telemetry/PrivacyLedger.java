package dev.fulcrum.controlplane.telemetry;

import dev.fulcrum.controlplane.store.Database;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The persisted privacy accountant: basic composition per day, exact decimal sums, one
 * transaction per spend (serialized per day across replicas on PostgreSQL).
 */
final class PrivacyLedger {
  private final Database db;
  private final BigDecimal epsilonPerDay;
  private final BigDecimal deltaPerDay;

  PrivacyLedger(Database db, BigDecimal epsilonPerDay, BigDecimal deltaPerDay) {
    this.db = db;
    this.epsilonPerDay = epsilonPerDay;
    this.deltaPerDay = deltaPerDay;
  }

  PrivacyBudget budget(LocalDate day) {
    return db.transaction(c -> budget(c, day));
  }

  /**
   * Records the spend, or refuses it without recording anything.
   *
   * @throws PrivacyBudgetExhaustedException when the day's budget cannot pay for it
   */
  void spend(LocalDate day, String feature, String mechanism, BigDecimal epsilon,
      BigDecimal delta, Instant at) {
    db.transaction(c -> {
      lock(c, day);
      PrivacyBudget budget = budget(c, day);
      if (!budget.allows(epsilon, delta)) {
        throw new PrivacyBudgetExhaustedException(budget, epsilon, delta);
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO dp_ledger (day, feature, "
          + "mechanism, epsilon, delta, released_at) VALUES (?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, day.toString());
        insert.setString(2, feature);
        insert.setString(3, mechanism);
        insert.setString(4, epsilon.toPlainString());
        insert.setString(5, delta.toPlainString());
        insert.setLong(6, at.toEpochMilli());
        insert.executeUpdate();
      }
      return null;
    });
  }

  private PrivacyBudget budget(Connection c, LocalDate day) throws SQLException {
    BigDecimal epsilon = BigDecimal.ZERO;
    BigDecimal delta = BigDecimal.ZERO;
    try (PreparedStatement q = c.prepareStatement(
        "SELECT epsilon, delta FROM dp_ledger WHERE day = ?")) {
      q.setString(1, day.toString());
      try (ResultSet rows = q.executeQuery()) {
        while (rows.next()) {
          epsilon = epsilon.add(new BigDecimal(rows.getString(1)));
          delta = delta.add(new BigDecimal(rows.getString(2)));
        }
      }
    }
    return new PrivacyBudget(day, epsilonPerDay, deltaPerDay, epsilon, delta);
  }

  private void lock(Connection c, LocalDate day) throws SQLException {
    if (db.dialect() == Database.Dialect.POSTGRESQL) {
      try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        lock.setLong(1, ("fulcrum-dp:" + day).hashCode());
        lock.execute();
      }
    }
  }
}
