package dev.fulcrum.controlplane.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import dev.fulcrum.controlplane.keys.KeysetSource;
import dev.fulcrum.controlplane.keys.Keysets;
import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.controlplane.store.StoreUrl;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged event survives {@code kill -9}: a child JVM appends under load and reports each
 * acknowledgement; it is killed mid-stream; every acknowledged event must be in the reopened
 * SQLite file and the chain must verify.
 */
class AuditCrashTest {
  private static final int ACKS_BEFORE_KILL = 300;

  @TempDir
  Path temp;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void everyAcknowledgedEventSurvivesAKillDashNine() throws Exception {
    Path db = temp.resolve("audit.db");
    Path keys = temp.resolve("audit-signing.json");
    Path stderr = temp.resolve("child.err");
    Process child = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-Xmx128m",
        "-cp", System.getProperty("java.class.path"),
        AuditCrashChild.class.getName(), db.toString(), keys.toString()))
        .redirectError(stderr.toFile())
        .start();

    Set<Long> acknowledged = new HashSet<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line; acknowledged.size() < ACKS_BEFORE_KILL
          && (line = out.readLine()) != null; ) {
        if (line.startsWith("ack ")) {
          acknowledged.add(Long.parseLong(line.substring(4)));
        }
      }
      // SIGKILL mid-load: no shutdown hooks, no final checkpoint. Acknowledgements printed
      // after this point are not counted (destroying the process closes its streams).
      child.destroyForcibly();
    }
    child.waitFor();
    assertThat(acknowledged).as("child stderr: %s", Files.exists(stderr)
        ? Files.readString(stderr) : "").hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

    try (Database reopened = Database.open(StoreUrl.parse("sqlite:" + db))) {
      Set<Long> stored = reopened.transaction(c -> {
        Set<Long> seqs = new HashSet<>();
        try (ResultSet rows = c.createStatement().executeQuery("SELECT seq FROM audit_events")) {
          while (rows.next()) {
            seqs.add(rows.getLong(1));
          }
        }
        return seqs;
      });
      assertThat(stored).containsAll(acknowledged);
      Verification verification = AuditVerifier.create(reopened, Keysets.parsePublicKeyset(
          Keysets.publicKeysetJson(KeysetSource.file(keys).loadOrGenerate(
              PredefinedSignatureParameters.ED25519)))).verify();
      assertThat(verification).isInstanceOf(Verification.Intact.class);
      assertThat(verification.eventsChecked()).isEqualTo(stored.size());
    }
  }
}
