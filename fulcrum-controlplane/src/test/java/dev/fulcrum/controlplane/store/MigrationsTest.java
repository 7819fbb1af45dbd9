package dev.fulcrum.controlplane.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationsTest {
  @TempDir
  Path temp;

  private static final Migration CREATE = Migration.portable(1, "create notes",
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(100) NOT NULL)");
  private static final Migration ADD_COLUMN = Migration.portable(2, "add author",
      "ALTER TABLE notes ADD COLUMN author VARCHAR(50)");

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void appliesEachStepOnceAndInOrder(String dialect) {
    try (var test = TestDatabases.open(dialect, temp)) {
      Migrations.apply(test.db(), "notes", List.of(CREATE));
      Migrations.apply(test.db(), "notes", List.of(CREATE, ADD_COLUMN));
      Migrations.apply(test.db(), "notes", List.of(CREATE, ADD_COLUMN));

      int versions = test.db().transaction(c -> {
        try (ResultSet rows = c.createStatement().executeQuery(
            "SELECT COUNT(*) FROM fulcrum_schema WHERE component = 'notes'")) {
          rows.next();
          return rows.getInt(1);
        }
      });
      assertThat(versions).isEqualTo(2);
      test.db().transaction(c -> c.createStatement()
          .executeUpdate("INSERT INTO notes (id, body, author) VALUES (1, 'x', 'ann')"));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void rollsBackAFailedStep(String dialect) {
    try (var test = TestDatabases.open(dialect, temp)) {
      Migration broken = Migration.portable(2, "broken", "ALTER TABLE nope ADD COLUMN x INTEGER");
      Migrations.apply(test.db(), "notes", List.of(CREATE));

      assertThatThrownBy(() -> Migrations.apply(test.db(), "notes", List.of(CREATE, broken)))
          .isInstanceOf(StoreException.class);
      int version = test.db().transaction(c -> {
        try (ResultSet rows = c.createStatement().executeQuery(
            "SELECT MAX(version) FROM fulcrum_schema WHERE component = 'notes'")) {
          rows.next();
          return rows.getInt(1);
        }
      });
      assertThat(version).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void rejectsGapsInVersions(String dialect) {
    try (var test = TestDatabases.open(dialect, temp)) {
      Migration three = Migration.portable(3, "three", "SELECT 1");
      assertThatThrownBy(() -> Migrations.apply(test.db(), "x", List.of(CREATE, three)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
