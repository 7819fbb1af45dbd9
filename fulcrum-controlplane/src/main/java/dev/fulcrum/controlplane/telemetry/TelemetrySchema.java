package dev.fulcrum.controlplane.telemetry;

import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.controlplane.store.Migration;
import dev.fulcrum.controlplane.store.Migrations;
import java.util.List;

/** The {@code telemetry} component's tables: the privacy ledger, one row per release. */
final class TelemetrySchema {
  static final String COMPONENT = "telemetry";

  private static final String LEDGER = "CREATE TABLE dp_ledger (id %s, day VARCHAR(10) NOT "
      + "NULL, feature VARCHAR(100) NOT NULL, mechanism VARCHAR(16) NOT NULL, epsilon "
      + "VARCHAR(40) NOT NULL, delta VARCHAR(40) NOT NULL, released_at BIGINT NOT NULL);"
      + "CREATE INDEX dp_ledger_day ON dp_ledger (day)";

  // ε and δ are stored as decimal strings so that sums are exact in both dialects
  private static final List<Migration> STEPS = List.of(new Migration(1,
      "privacy budget ledger",
      LEDGER.formatted("INTEGER PRIMARY KEY AUTOINCREMENT"),
      LEDGER.formatted("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")));

  private TelemetrySchema() {}

  static void apply(Database db) {
    Migrations.apply(db, COMPONENT, STEPS);
  }
}
