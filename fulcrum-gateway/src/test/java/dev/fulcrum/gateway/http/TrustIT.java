package dev.fulcrum.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.controlplane.audit.AuditVerifier;
import dev.fulcrum.controlplane.audit.Verification;
import dev.fulcrum.controlplane.keys.KeysetSource;
import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.controlplane.store.StoreUrl;
import dev.fulcrum.controlplane.token.TokenRequest;
import dev.fulcrum.controlplane.token.TokenService;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.gateway.testing.TestGateway;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Short-lived tokens and the audit log, over real HTTP. */
class TrustIT {
  static final String CONFIG = """
      backends:
        - { name: sim, kind: simulated, placement: CLOUD }
      models:
        # prices with many decimals: the audit log must round costs, not refuse them
        - { name: chat, routes: [ { backend: sim, input-usd-per-mtok: 0.15,
            output-usd-per-mtok: 0.6 } ] }
      tenants:
        - { id: acme, api-keys: [ "${KEY_HASH}" ] }
      """;
  static final String CHAT =
      "{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"%s\"}]}";

  TestGateway gateway;

  @BeforeEach
  void start() {
    gateway = TestGateway.start(CONFIG, Map.of());
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  HttpResponse<String> chatWith(String credential, String text) {
    return gateway.send(HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
        .header("authorization", "Bearer " + credential)
        .POST(HttpRequest.BodyPublishers.ofString(CHAT.formatted(text))).build());
  }

  String token(String body) throws Exception {
    var response = gateway.post("/v1/tokens", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.MAPPER.readTree(response.body()).path("token").asText();
  }

  static String message(HttpResponse<String> response) throws Exception {
    return Json.MAPPER.readTree(response.body()).path("error").path("message").asText();
  }

  @Test
  void aTokenStandsInForTheApiKeyWithinItsScope() throws Exception {
    String token = token("{\"scopes\":[\"chat\"],\"ttl_seconds\":60,\"subject\":\"agent-1\"}");

    assertThat(chatWith(token, "hi").statusCode()).isEqualTo(200);
    var embed = gateway.send(HttpRequest.newBuilder(gateway.uri("/v1/embeddings"))
        .header("authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"chat\",\"input\":\"x\"}"))
        .build());
    assertThat(embed.statusCode()).isEqualTo(403);
    assertThat(message(embed)).contains("embeddings");
  }

  @Test
  void refusesForgedExpiredAndForeignTokens() throws Exception {
    String token = token("{\"scopes\":[\"chat\"]}");
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA."
        + parts[2];
    assertThat(chatWith(forged, "x").statusCode()).isEqualTo(401);

    var keys = KeysetSource.file(gateway.stateDir().resolve("tokens.keyset.json"));
    String expired = TokenService.builder(keys)
        .clock(InstantSource.fixed(Instant.now().minus(Duration.ofMinutes(10)))).build()
        .issue(new TokenRequest(new Tenant("acme"), "old", "fulcrum", Set.of("chat"),
            Duration.ofMinutes(1))).token();
    var expiredAnswer = chatWith(expired, "x");
    assertThat(expiredAnswer.statusCode()).isEqualTo(401);
    assertThat(message(expiredAnswer)).contains("expired");

    String foreign = TokenService.builder(keys).build().issue(new TokenRequest(
        new Tenant("acme"), "x", "another-service", Set.of("chat"), Duration.ofMinutes(1)))
        .token();
    var foreignAnswer = chatWith(foreign, "x");
    assertThat(foreignAnswer.statusCode()).isEqualTo(401);
    assertThat(message(foreignAnswer)).contains("another-service");
  }

  @Test
  void tokensAreShortLivedAndCannotMintTokens() throws Exception {
    var tooLong = gateway.post("/v1/tokens", "{\"scopes\":[\"chat\"],\"ttl_seconds\":600}");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(Json.MAPPER.readTree(tooLong.body()).path("error").path("param").asText())
        .isEqualTo("ttl_seconds");
    assertThat(message(tooLong)).contains("from 1 to 300, got 600");
    assertThat(gateway.post("/v1/tokens", "{\"scopes\":[\"admin\"]}").statusCode())
        .isEqualTo(400);
    String token = token("{\"scopes\":[\"chat\"]}");
    var minted = gateway.send(HttpRequest.newBuilder(gateway.uri("/v1/tokens"))
        .header("authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString("{\"scopes\":[\"chat\"]}")).build());
    assertThat(minted.statusCode()).isEqualTo(403);
  }

  @Test
  void everyRequestLeavesAVerifiableRecordWithoutItsText() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(chatWith(TestGateway.KEY, "secret-phrase-" + i).statusCode()).isEqualTo(200);
    }
    assertThat(chatWith(TestGateway.KEY, "x").statusCode()).isEqualTo(200);
    gateway.post("/v1/chat/completions", "{\"model\":\"nope\",\"messages\":[{\"role\":\"user\","
        + "\"content\":\"y\"}]}");

    String url = "jdbc:sqlite:" + gateway.stateDir().resolve("fulcrum.db");
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rows = c.createStatement().executeQuery(
            "SELECT event_type, body FROM audit_events ORDER BY seq")) {
      int served = 0;
      int refused = 0;
      while (rows.next()) {
        assertThat(rows.getString("body")).doesNotContain("secret-phrase");
        served += rows.getString("event_type").equals("request.served") ? 1 : 0;
        refused += rows.getString("event_type").equals("request.refused") ? 1 : 0;
      }
      assertThat(served).isEqualTo(6);
      assertThat(refused).isEqualTo(1);
    }
    try (Database db = Database.open(StoreUrl.parse("sqlite:"
        + gateway.stateDir().resolve("fulcrum.db")))) {
      var keyset = KeysetSource.file(gateway.stateDir().resolve("audit.keyset.json"));
      var handle = keyset.loadOrGenerate(
          com.google.crypto.tink.signature.PredefinedSignatureParameters.ED25519);
      Verification result = AuditVerifier.create(db, handle.getPublicKeysetHandle()).verify();
      assertThat(result).isInstanceOf(Verification.Intact.class);
    }
  }

  @Test
  void refusesRequestsWhenTheAuditLogCannotRecordThem() throws Exception {
    assertThat(chatWith(TestGateway.KEY, "before").statusCode()).isEqualTo(200);
    String url = "jdbc:sqlite:" + gateway.stateDir().resolve("fulcrum.db");
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute("ALTER TABLE audit_events RENAME TO audit_events_gone");
    }

    var refused = chatWith(TestGateway.KEY, "after");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(message(refused)).contains("could not be recorded in the audit log");
    JsonNode body = Json.MAPPER.readTree(refused.body());
    assertThat(body.toString()).doesNotContain("Exception");
  }
}
