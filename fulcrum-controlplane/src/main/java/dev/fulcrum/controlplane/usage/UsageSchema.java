package dev.fulcrum.controlplane.usage;

import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.controlplane.store.Migration;
import dev.fulcrum.controlplane.store.Migrations;
import java.util.List;

/** The {@code usage} component's table: one row per tenant, feature, model and UTC day. */
final class UsageSchema {
  static final String COMPONENT = "usage";

  // TEXT keys: no name a request can carry is too long to store (a refused row would block its
  // whole batch). Days are YYYY-MM-DD, which sorts and compares as text; cost is in nano-dollars
  // so that sums are exact integers.
  private static final List<Migration> STEPS = List.of(Migration.portable(1, "usage ledger",
      "CREATE TABLE usage_ledger (tenant TEXT NOT NULL, feature TEXT NOT NULL, model TEXT NOT "
          + "NULL, day VARCHAR(10) NOT NULL, requests BIGINT NOT NULL, prompt_tokens BIGINT NOT "
          + "NULL, completion_tokens BIGINT NOT NULL, cost_nanousd BIGINT NOT NULL, "
          + "PRIMARY KEY (tenant, feature, model, day));"
          + "CREATE INDEX usage_ledger_day ON usage_ledger (day)"));

  private UsageSchema() {}

  static void apply(Database db) {
    Migrations.apply(db, COMPONENT, STEPS);
  }
}
