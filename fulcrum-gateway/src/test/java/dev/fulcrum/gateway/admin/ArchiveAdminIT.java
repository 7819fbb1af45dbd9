package dev.fulcrum.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.gateway.config.ConfigLoader;
import dev.fulcrum.gateway.http.FulcrumHeaders;
import dev.fulcrum.gateway.testing.TestGateway;
import dev.fulcrum.gateway.wiring.Fulcrum;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encrypted archive end to end: chat requests of two tenants, plain and streamed, archived
 * under per-tenant keys, read back through the admin API, a key rotation, and crypto-shredding
 * one tenant, which leaves its records unreadable (410) while the other's still read, also
 * after a restart on the same state.
 */
class ArchiveAdminIT {
  private static final String GLOBEX_KEY = "sk-globex-key";
  private static final String CONFIG = """
      admin: { api-keys: [ "${ADMIN_HASH}" ] }
      archive: { enabled: true }
      privacy: { names: false }
      backends:
        - { name: sim, kind: simulated, placement: CLOUD }
      models:
        - name: chat
          routes: [ { backend: sim, model: simulated-chat } ]
      tenants:
        - { id: acme, api-keys: [ "${KEY_HASH}" ] }
        - { id: globex, api-keys: [ "${GLOBEX_HASH}" ] }
      """;
  private static final String ACME_PLAIN = "Zanzibar merger: write to alice@example.com today";
  private static final String ACME_STREAM = "Zanzibar timeline for bob@example.com, please";
  private static final String GLOBEX_PLAIN = "Project Quokka budget is confidential";
  private static final String GLOBEX_STREAM = "Quokka launch checklist";

  @TempDir
  Path state;

  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  /** One chat as the client saw it. */
  private record Sent(String requestId, String prompt, String answer) {}

  private Fulcrum start(String config) {
    Map<String, String> variables = new HashMap<>(AdminHttp.variables(Map.of()));
    variables.put("KEY_HASH", ApiKeyHash.of(TestGateway.KEY));
    variables.put("GLOBEX_HASH", ApiKeyHash.of(GLOBEX_KEY));
    return Fulcrum.start(ConfigLoader.withVariables(variables)
        .parse("archive.yaml", config).withPort(0).withStateIn(state));
  }

  @Test
  void archivesBothTenantsRotatesAndShredsOneForGoodAcrossARestart() throws Exception {
    List<Sent> acme = new ArrayList<>();
    List<Sent> globex = new ArrayList<>();
    Sent afterShred;
    try (Fulcrum gateway = start(CONFIG)) {
      AdminHttp admin = new AdminHttp(gateway.port(), TestGateway.KEY);
      acme.add(chat(gateway, TestGateway.KEY, ACME_PLAIN, false));
      acme.add(chat(gateway, TestGateway.KEY, ACME_STREAM, true));
      globex.add(chat(gateway, GLOBEX_KEY, GLOBEX_PLAIN, false));
      globex.add(chat(gateway, GLOBEX_KEY, GLOBEX_STREAM, true));

      // what the client sent and received, decrypted; the client got its e-mail address back
      for (Sent sent : concat(acme, globex)) {
        assertArchived(admin, sent, 1);
      }
      assertThat(acme.getFirst().answer()).contains("alice@example.com");
      JsonNode plain = awaitRecord(admin, acme.get(0).requestId()).json();
      JsonNode streamed = awaitRecord(admin, acme.get(1).requestId()).json();
      assertThat(plain.path("tenant").asText()).isEqualTo("acme");
      assertThat(plain.path("record").path("operation").asText()).isEqualTo("chat");
      assertThat(streamed.path("record").path("operation").asText()).isEqualTo("chat_stream");
      assertThat(admin.get("/admin/v1/archive/" + globex.get(0).requestId()).json()
          .path("tenant").asText()).isEqualTo("globex");

      // the store holds ciphertext only
      assertThat(storedArchive()).hasSize(4).allSatisfy(row -> assertThat(row)
          .doesNotContain("Zanzibar", "alice@example.com", "Quokka"));
      assertThat(get(gateway, "/metrics"))
          .contains("fulcrum_archive_records_total{outcome=\"written\"} 4.0")
          .contains("fulcrum_archive_records_total{outcome=\"failed\"} 0.0");

      var listed = admin.get("/admin/v1/archive?tenant=acme&limit=10");
      assertThat(listed.status()).isEqualTo(200);
      assertThat(listed.json().path("data")).extracting(e -> e.path("request_id").asText())
          .containsExactlyInAnyOrder(acme.get(0).requestId(), acme.get(1).requestId());
      assertThat(listed.raw().body()).doesNotContain("Zanzibar", "record");

      // rotation: new records under v2, old ones still read
      var rotated = admin.post("/admin/v1/tenants/acme/keys/rotate",
          AdminHttp.change("quarterly rotation"));
      assertThat(rotated.status()).as(rotated.json().toString()).isEqualTo(200);
      assertThat(rotated.json().path("key_version").asInt()).isEqualTo(2);
      acme.add(chat(gateway, TestGateway.KEY, "Zanzibar after the rotation", false));
      assertArchived(admin, acme.get(2), 2);
      assertArchived(admin, acme.get(0), 1);

      // crypto-shredding acme
      var shredded = admin.post("/admin/v1/tenants/acme/shred",
          AdminHttp.change("acme asked to be forgotten"));
      assertThat(shredded.status()).as(shredded.json().toString()).isEqualTo(200);
      assertThat(shredded.json().path("destroyed_key_versions").asInt()).isEqualTo(2);
      acme.forEach(sent -> assertShredded(admin, sent));
      globex.forEach(sent -> assertArchived(admin, sent, 1));
      assertThat(awaitAudited(admin, "tenant.shred")).contains("tenant.keys.rotate");

      // acme keeps sending: archived under a fresh key, its old records stay unreadable
      afterShred = chat(gateway, TestGateway.KEY, "Zanzibar, a new beginning", true);
      assertArchived(admin, afterShred, 3);
      assertShredded(admin, acme.getFirst());
    }

    try (Fulcrum restarted = start(CONFIG)) {
      AdminHttp admin = new AdminHttp(restarted.port(), TestGateway.KEY);

      acme.forEach(sent -> assertShredded(admin, sent));
      globex.forEach(sent -> assertArchived(admin, sent, 1));
      assertArchived(admin, afterShred, 3);
    }
  }

  @Test
  void withTheArchiveOffItsEndpointsAnswer404() {
    try (Fulcrum gateway = start(CONFIG.replace("archive: { enabled: true }",
        "archive: { enabled: false }"))) {
      AdminHttp admin = new AdminHttp(gateway.port(), TestGateway.KEY);
      Sent sent = chat(gateway, TestGateway.KEY, ACME_PLAIN, false);

      for (var answer : List.of(admin.get("/admin/v1/archive/" + sent.requestId()),
          admin.get("/admin/v1/archive?tenant=acme"),
          admin.post("/admin/v1/tenants/acme/keys/rotate", AdminHttp.change("r")),
          admin.post("/admin/v1/tenants/acme/shred", AdminHttp.change("s")))) {
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("error").path("code").asText())
            .isEqualTo("archive_disabled");
        assertThat(answer.errorMessage()).contains("archive.enabled: false");
      }
      assertThat(Files.exists(state.resolve("kek.keyset.json"))).isFalse();
    }
  }

  @Test
  void badRequestsNameWhatToSend() {
    try (Fulcrum gateway = start(CONFIG)) {
      AdminHttp admin = new AdminHttp(gateway.port(), TestGateway.KEY);

      var noTenant = admin.get("/admin/v1/archive");
      var badTenant = admin.post("/admin/v1/tenants/Not%20A%20Tenant/shred",
          AdminHttp.change("x"));
      var noReason = admin.post("/admin/v1/tenants/acme/shred", "{\"by\": \"oncall\"}");
      var unknown = admin.get("/admin/v1/archive/req_000000000000000000000000");

      assertThat(noTenant.status()).isEqualTo(400);
      assertThat(noTenant.errorMessage()).contains("?tenant=ID");
      assertThat(badTenant.status()).isEqualTo(400);
      assertThat(badTenant.json().path("error").path("param").asText()).isEqualTo("tenant");
      assertThat(noReason.status()).isEqualTo(400);
      assertThat(noReason.json().path("error").path("param").asText()).isEqualTo("reason");
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.json().path("error").path("code").asText())
          .isEqualTo("archive_record_not_found");
    }
  }

  private static void assertArchived(AdminHttp admin, Sent sent, int keyVersion) {
    var answer = awaitRecord(admin, sent.requestId());
    assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
    JsonNode record = answer.json().path("record");
    assertThat(record.path("messages").get(0).path("content").asText())
        .isEqualTo(sent.prompt());
    assertThat(record.path("answer").asText()).isEqualTo(sent.answer()).isNotEmpty();
    assertThat(answer.json().path("key_version").asInt()).isEqualTo(keyVersion);
  }

  private static void assertShredded(AdminHttp admin, Sent sent) {
    var answer = admin.get("/admin/v1/archive/" + sent.requestId());
    assertThat(answer.status()).as(answer.json().toString()).isEqualTo(410);
    assertThat(answer.json().path("error").path("code").asText()).isEqualTo("tenant_shredded");
    assertThat(answer.errorMessage()).contains("archived request " + sent.requestId()
        + " of tenant acme cannot be decrypted", "crypto-shredded");
  }

  /** The record, once the archive writer has written it (it works off the request path). */
  private static AdminHttp.Answer awaitRecord(AdminHttp admin, String requestId) {
    return await(() -> admin.get("/admin/v1/archive/" + requestId),
        answer -> answer.status() != 404);
  }

  /** The actions of every control change in the audit log, once {@code action} is among them. */
  private static List<String> awaitAudited(AdminHttp admin, String action) {
    return await(() -> {
      List<String> actions = new ArrayList<>();
      admin.get("/admin/v1/audit?limit=1000").json().path("data")
          .forEach(e -> actions.add(e.path("event").path("action").asText()));
      return actions;
    }, actions -> actions.contains(action));
  }

  /** The first value of {@code poll} that is {@code ready}, or the last one after 10 s. */
  private static <T> T await(Supplier<T> poll, Predicate<T> ready) {
    Instant deadline = Instant.now().plusSeconds(10);
    while (true) {
      T value = poll.get();
      if (ready.test(value) || Instant.now().isAfter(deadline)) {
        return value;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Every archive row as stored (ciphertext read as Latin-1), straight from the SQLite file. */
  private List<String> storedArchive() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + state.resolve("fulcrum.db"));
        ResultSet r = c.createStatement().executeQuery(
            "SELECT request_id, tenant, key_version, ciphertext FROM archive")) {
      while (r.next()) {
        rows.add(r.getString(1) + " " + r.getString(2) + " v" + r.getInt(3) + " "
            + new String(r.getBytes(4), StandardCharsets.ISO_8859_1));
      }
    }
    return rows;
  }

  private String get(Fulcrum gateway, String path) {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
        .GET().build()).body();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A chat completion as the tenant with {@code key}; a stream is read to its end. */
  private Sent chat(Fulcrum gateway, String key, String prompt, boolean stream) {
    String body = Json.object().put("model", "chat").put("stream", stream)
        .<com.fasterxml.jackson.databind.node.ObjectNode>set("messages", Json.MAPPER
            .createArrayNode().add(Json.object().put("role", "user").put("content", prompt)))
        .toString();
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + gateway.port() + "/v1/chat/completions"))
        .header("authorization", "Bearer " + key).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String id = response.headers().firstValue(FulcrumHeaders.REQUEST_ID).orElseThrow();
    return new Sent(id, prompt, stream ? streamedText(response.body())
        : Json.parseObject(response.body().getBytes(StandardCharsets.UTF_8))
            .path("choices").path(0).path("message").path("content").asText());
  }

  /** The content deltas of an SSE body, joined. */
  private static String streamedText(String sse) {
    StringBuilder text = new StringBuilder();
    for (String line : sse.split("\n")) {
      if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
        text.append(Json.parseObject(line.substring(6).getBytes(StandardCharsets.UTF_8))
            .path("choices").path(0).path("delta").path("content").asText(""));
      }
    }
    assertThat(sse).contains("data: [DONE]");
    return text.toString();
  }

  private static List<Sent> concat(List<Sent> a, List<Sent> b) {
    List<Sent> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
