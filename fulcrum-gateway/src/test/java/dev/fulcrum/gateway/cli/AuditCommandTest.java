package dev.fulcrum.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.controlplane.audit.AuditLog;
import dev.fulcrum.controlplane.audit.RequestServed;
import dev.fulcrum.controlplane.audit.Sha256;
import dev.fulcrum.controlplane.keys.KeysetSource;
import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.controlplane.store.StoreUrl;
import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.core.tenant.Tenant;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fulcrum audit verify|export}, run in-process against a real SQLite store. */
class AuditCommandTest {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  static final int EVENTS = 25;

  @TempDir
  Path temp;
  Path store;
  Path keyset;
  Path config;

  /** What one command run printed and returned. */
  record Run(int exit, String out, String err) {}

  @BeforeEach
  void appendEvents() throws IOException {
    store = temp.resolve("fulcrum.db");
    keyset = temp.resolve("audit.keyset.json");
    config = writeConfig(keyset);
    AtomicReference<Instant> now = new AtomicReference<>(T0);
    try (Database db = Database.open(StoreUrl.parse("sqlite:" + store));
        AuditLog log = AuditLog.builder(db, KeysetSource.file(keyset)).clock(now::get)
            .checkpointEvery(10, Duration.ofMinutes(5)).build()) {
      for (int i = 1; i <= EVENTS; i++) {
        now.set(T0.plusSeconds(i));
        log.append(served(i)).toCompletableFuture().join();
      }
    }
  }

  /** Event {@code i}: request r{i} of acme (even) or globex (odd), chat@1 up to 10, then @2. */
  static RequestServed served(int i) {
    return new RequestServed(new Tenant(i % 2 == 0 ? "acme" : "globex"), "r" + i,
        i <= 10 ? "chat@1" : "chat@2", Placement.LOCAL, "box", List.of("chosen: box"),
        Map.of(EntityType.PERSON, 1), Sha256.ofUtf8("prompt " + i), Sha256.ofUtf8("answer " + i),
        new BigDecimal("0.0042"), 200);
  }

  Path writeConfig(Path keysetFile) throws IOException {
    Path file = temp.resolve("fulcrum-" + keysetFile.getFileName() + ".yaml");
    Files.writeString(file, """
        store: { url: "sqlite:%s" }
        audit: { keyset: "%s" }
        backends: [ { name: box, kind: simulated, placement: LOCAL } ]
        models: [ { name: chat, routes: [ { backend: box, model: local-chat } ] } ]
        tenants: [ { id: acme, api-keys: [ "%s" ] } ]
        """.formatted(store, keysetFile, ApiKeyHash.of("sk-test")), StandardCharsets.UTF_8);
    return file;
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new FulcrumCommand())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  void sql(String statement) {
    try (Database db = Database.open(StoreUrl.parse("sqlite:" + store))) {
      db.transaction(c -> {
        try (Statement s = c.createStatement()) {
          s.execute(statement);
        }
        return null;
      });
    }
  }

  static List<JsonNode> lines(String jsonl) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : jsonl.split("\n")) {
      if (!line.isBlank()) {
        lines.add(Json.MAPPER.readTree(line));
      }
    }
    return lines;
  }

  static List<String> requestIds(List<JsonNode> lines) {
    return lines.stream().map(l -> l.path("entry").path("event").path("requestId").asText())
        .toList();
  }

  @Test
  void verifySummarizesAnIntactLog() {
    Run run = run("audit", "verify", "--config", config.toString());

    assertThat(run.exit()).isZero();
    // checkpoints every 10 events, and one for the tail when the log closed
    assertThat(run.out()).isEqualTo("intact: 25 events, 3 checkpoints, signed through #25"
        + System.lineSeparator());
  }

  @Test
  void verifyNamesTheFirstTamperedEventAndFails() {
    sql("UPDATE audit_events SET body = REPLACE(body, '\"status\":200', '\"status\":500') "
        + "WHERE seq = 7");

    Run run = run("audit", "verify", "--config", config.toString());

    assertThat(run.exit()).isEqualTo(AuditVerifyCommand.BROKEN);
    assertThat(run.out()).startsWith("BROKEN at event #7: MODIFIED")
        .contains("why: its stored content no longer matches its hash")
        .contains("events before it verified: 6");
  }

  @Test
  void verifyDetectsADeletedEvent() {
    sql("DELETE FROM audit_events WHERE seq = 12");

    Run run = run("audit", "verify", "--config", config.toString());

    assertThat(run.exit()).isEqualTo(AuditVerifyCommand.BROKEN);
    assertThat(run.out()).startsWith("BROKEN at event #12: DELETED");
  }

  @Test
  void verifyWithThePublishedPublicKeyNeedsNoPrivateKey() throws IOException {
    Path publicKey = temp.resolve("audit.public.json");
    Files.writeString(publicKey, dev.fulcrum.controlplane.keys.Keysets.publicKeysetJson(
        KeysetSource.file(keyset).loadOrGenerate(
            com.google.crypto.tink.signature.PredefinedSignatureParameters.ED25519)));
    Path noKeyset = temp.resolve("missing.keyset.json");

    Run run = run("audit", "verify", "--config", writeConfig(noKeyset).toString(),
        "--public-key", publicKey.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("intact: 25 events");
    assertThat(noKeyset).doesNotExist();
  }

  @Test
  void verifyRefusesToRunWithoutTheKeysetAndCreatesNone() throws IOException {
    Path noKeyset = temp.resolve("missing.keyset.json");

    Run run = run("audit", "verify", "--config", writeConfig(noKeyset).toString());

    assertThat(run.exit()).isEqualTo(AuditFailure.CODE);
    assertThat(run.err()).contains("no audit signing keyset at " + noKeyset.toAbsolutePath());
    assertThat(noKeyset).doesNotExist();
  }

  @Test
  void verifyRefusesAStoreThatDoesNotExistAndCreatesNone() throws IOException {
    Files.delete(store);

    Run run = run("audit", "verify", "--config", config.toString());

    assertThat(run.exit()).isEqualTo(AuditFailure.CODE);
    assertThat(run.err()).contains("no store at " + store);
    assertThat(store).doesNotExist();
  }

  @Test
  void exportRefusesAStoreWithoutAnAuditLogAndCreatesNone() throws IOException {
    Files.delete(store);
    sql("CREATE TABLE unrelated (x INTEGER)");

    Run run = run("audit", "export", "--config", config.toString());

    assertThat(run.exit()).isEqualTo(AuditFailure.CODE);
    assertThat(run.err()).contains("has no readable audit log");
    try (Database db = Database.open(StoreUrl.parse("sqlite:" + store))) {
      boolean created = db.transaction(c -> c.getMetaData().getTables(null, null,
          "audit_events", null).next());
      assertThat(created).isFalse();
    }
  }

  @Test
  void exportWritesEveryEventAsJsonLinesToAFile() throws IOException {
    Path out = temp.resolve("audit.jsonl");

    Run run = run("audit", "export", "--config", config.toString(), "--out", out.toString());

    assertThat(run.exit()).isZero();
    List<JsonNode> lines = lines(Files.readString(out));
    assertThat(lines).hasSize(EVENTS);
    assertThat(lines.getFirst().path("entry").path("seq").asLong()).isEqualTo(1);
    assertThat(lines.getFirst().path("prev").asText()).isEqualTo("0".repeat(64));
    assertThat(lines.get(1).path("prev").asText())
        .isEqualTo(lines.getFirst().path("hash").asText());
    assertThat(run.err()).contains("exported 25 events to " + out);
  }

  @Test
  void exportFiltersByTenantRequestModelVersionAndTime() throws IOException {
    String cfg = config.toString();

    List<JsonNode> acme = lines(run("audit", "export", "--config", cfg, "--tenant", "acme").out());
    List<JsonNode> one = lines(run("audit", "export", "--config", cfg, "--request-id", "r7")
        .out());
    List<JsonNode> v2 = lines(run("audit", "export", "--config", cfg, "--tenant", "globex",
        "--model-version", "chat@2").out());
    List<JsonNode> window = lines(run("audit", "export", "--config", cfg,
        "--from", T0.plusSeconds(5).toString(), "--to", T0.plusSeconds(10).toString()).out());

    assertThat(acme).hasSize(12).allSatisfy(line -> assertThat(line.path("entry")
        .path("event").path("tenant").asText()).isEqualTo("acme"));
    assertThat(requestIds(one)).containsExactly("r7");
    assertThat(requestIds(v2)).containsExactly("r11", "r13", "r15", "r17", "r19", "r21", "r23",
        "r25");
    assertThat(requestIds(window)).containsExactly("r5", "r6", "r7", "r8", "r9");
  }

  @Test
  void exportRejectsAMalformedTimeNamingTheOption() {
    Run run = run("audit", "export", "--config", config.toString(), "--from", "yesterday");

    assertThat(run.exit()).isEqualTo(AuditFailure.CODE);
    assertThat(run.err()).contains("--from must be an instant such as 2025-03-01T10:00:00Z");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void exportAcceptsWholeDays() throws IOException {
    Run run = run("audit", "export", "--config", config.toString(), "--from", "2025-03-01",
        "--to", "2025-03-02");
    Run none = run("audit", "export", "--config", config.toString(), "--from", "2025-03-02");

    assertThat(lines(run.out())).hasSize(EVENTS);
    assertThat(none.exit()).isZero();
    assertThat(none.out()).isEmpty();
  }
}
