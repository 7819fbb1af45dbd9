package dev.fulcrum.controlplane.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fulcrum.controlplane.store.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KeyConflictTest {
  @TempDir
  Path temp;

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void aTakenPrimaryKeyIsAConflictAndOtherConstraintFailuresAreNot(String dialect) {
    try (var test = TestDatabases.open(dialect, temp)) {
      test.db().execute("CREATE TABLE chain (seq BIGINT PRIMARY KEY, body TEXT NOT NULL)");
      test.db().execute("INSERT INTO chain (seq, body) VALUES (1, 'first')");

      Throwable taken = catchThrowable(() ->
          test.db().execute("INSERT INTO chain (seq, body) VALUES (1, 'second')"));
      Throwable missing = catchThrowable(() ->
          test.db().execute("INSERT INTO chain (seq, body) VALUES (2, NULL)"));
      Throwable absent = catchThrowable(() ->
          test.db().execute("INSERT INTO no_such_table (seq) VALUES (3)"));

      assertThat(taken).isNotNull();
      assertThat(KeyConflict.causes(taken)).isTrue();
      assertThat(missing).isNotNull();
      assertThat(KeyConflict.causes(missing)).isFalse();
      assertThat(absent).isNotNull();
      assertThat(KeyConflict.causes(absent)).isFalse();
    }
  }
}
