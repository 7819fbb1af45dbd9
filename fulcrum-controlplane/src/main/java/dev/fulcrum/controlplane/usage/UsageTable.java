package dev.fulcrum.controlplane.usage;

import dev.fulcrum.controlplane.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The ledger's SQL, the same in SQLite and PostgreSQL. */
final class UsageTable {
  private static final String UPSERT = "INSERT INTO usage_ledger (tenant, feature, model, day, "
      + "requests, prompt_tokens, completion_tokens, cost_nanousd) VALUES (?, ?, ?, ?, ?, ?, ?, "
      + "?) ON CONFLICT (tenant, feature, model, day) DO UPDATE SET "
      + "requests = usage_ledger.requests + excluded.requests, "
      + "prompt_tokens = usage_ledger.prompt_tokens + excluded.prompt_tokens, "
      + "completion_tokens = usage_ledger.completion_tokens + excluded.completion_tokens, "
      + "cost_nanousd = usage_ledger.cost_nanousd + excluded.cost_nanousd";

  private final Database db;

  UsageTable(Database db) {
    this.db = db;
  }

  /** Adds every entry to its row in one transaction, in key order. */
  void add(Map<UsageKey, UsageCounts> batch) {
    db.transaction(c -> {
      try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
        for (var entry : batch.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
          UsageKey key = entry.getKey();
          UsageCounts counts = entry.getValue();
          upsert.setString(1, key.tenant());
          upsert.setString(2, key.feature());
          upsert.setString(3, key.model());
          upsert.setString(4, key.day().toString());
          upsert.setLong(5, counts.requests());
          upsert.setLong(6, counts.promptTokens());
          upsert.setLong(7, counts.completionTokens());
          upsert.setLong(8, counts.costNanoUsd());
          upsert.addBatch();
        }
        upsert.executeBatch();
      }
      return null;
    });
  }

  /** Cost per tenant over {@code from} to {@code to}, inclusive, in nano-dollars. */
  Map<String, Long> costByTenant(LocalDate from, LocalDate to) {
    return db.transaction(c -> {
      Map<String, Long> cost = new HashMap<>();
      try (PreparedStatement q = c.prepareStatement("SELECT tenant, SUM(cost_nanousd) FROM "
          + "usage_ledger WHERE day >= ? AND day <= ? GROUP BY tenant")) {
        q.setString(1, from.toString());
        q.setString(2, to.toString());
        try (ResultSet rows = q.executeQuery()) {
          while (rows.next()) {
            cost.put(rows.getString(1), rows.getLong(2));
          }
        }
      }
      return cost;
    });
  }

  List<UsageRow> query(UsageQuery query) {
    String columns = query.groupBy().stream().map(Dimension::column)
        .collect(Collectors.joining(", "));
    List<Dimension> filtered = new ArrayList<>(query.filters().keySet());
    StringBuilder sql = new StringBuilder("SELECT ");
    if (!columns.isEmpty()) {
      sql.append(columns).append(", ");
    }
    sql.append("SUM(requests), SUM(prompt_tokens), SUM(completion_tokens), SUM(cost_nanousd), "
        + "COUNT(*) FROM usage_ledger WHERE day >= ? AND day <= ?");
    filtered.forEach(d -> sql.append(" AND ").append(d.column()).append(" = ?"));
    if (!columns.isEmpty()) {
      sql.append(" GROUP BY ").append(columns).append(" ORDER BY ").append(columns);
    }
    return db.transaction(c -> rows(c, sql.toString(), query, filtered));
  }

  private static List<UsageRow> rows(Connection c, String sql, UsageQuery query,
      List<Dimension> filtered) throws SQLException {
    List<UsageRow> result = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setString(1, query.from().toString());
      q.setString(2, query.to().toString());
      for (int i = 0; i < filtered.size(); i++) {
        q.setString(3 + i, query.filters().get(filtered.get(i)));
      }
      try (ResultSet rows = q.executeQuery()) {
        while (rows.next()) {
          int n = query.groupBy().size();
          if (rows.getLong(n + 5) == 0) {
            continue; // an ungrouped sum over no rows
          }
          Map<Dimension, String> group = new EnumMap<>(Dimension.class);
          for (int i = 0; i < n; i++) {
            group.put(query.groupBy().get(i), rows.getString(i + 1));
          }
          result.add(new UsageRow(group, new UsageCounts(rows.getLong(n + 1),
              rows.getLong(n + 2), rows.getLong(n + 3), rows.getLong(n + 4))));
        }
      }
    }
    return result;
  }
}
