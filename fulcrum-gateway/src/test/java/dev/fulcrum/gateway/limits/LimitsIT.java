package dev.fulcrum.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.gateway.config.ConfigLoader;
import dev.fulcrum.gateway.config.FulcrumConfig;
import dev.fulcrum.gateway.metrics.Scrape;
import dev.fulcrum.gateway.testing.TestGateway;
import dev.fulcrum.gateway.wiring.Fulcrum;
import dev.fulcrum.inference.testing.FakeUpstream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Limits over real HTTP: rate limits answer 429 with Retry-After, a spent budget moves traffic
 * to free routes (or is refused naming the budget), usage is summed per feature, and DP
 * telemetry releases what the ledger holds, within its privacy budget.
 */
class LimitsIT {
  private static final String ADMIN_KEY = "sk-admin";
  // FakeUpstream reports 9 prompt and 5 completion tokens per answer: $0.0000725 on "cloud"
  static final String CONFIG = """
      backends:
        - { name: cloud, kind: openai, base-url: "${UPSTREAM}", placement: CLOUD }
        - { name: box, kind: simulated, placement: LOCAL }
      models:
        - name: chat
          routes:
            - { backend: cloud, model: gpt-4o-mini, input-usd-per-mtok: 2.5, output-usd-per-mtok: 10 }
            - { backend: box, model: local-chat }
        - name: chat-paid
          routes:
            - { backend: cloud, model: gpt-4o-mini, input-usd-per-mtok: 2.5, output-usd-per-mtok: 10 }
      tenants:
        - { id: limited, api-keys: [ "${LIMITED}" ], limits: { requests-per-minute: 3 } }
        - { id: thrifty, api-keys: [ "${THRIFTY}" ], limits: { monthly-budget-usd: 0.00005 } }
        - { id: meter, api-keys: [ "${KEY_HASH}" ] }
      admin:
        api-keys: [ "${ADMIN}" ]
      telemetry:
        enabled: true
        epsilon: 1
        daily-budget: { epsilon: 1 }
        tenants: [ meter ]
      """;
  static final String BODY =
      "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

  /** A range that holds today's usage even if a day (or month) ends during the test. */
  static final String AROUND_TODAY = "from=" + LocalDate.now(ZoneOffset.UTC).minusDays(1)
      + "&to=" + LocalDate.now(ZoneOffset.UTC).plusDays(1);

  static FakeUpstream upstream;
  static TestGateway gateway;

  @BeforeAll
  static void start() {
    upstream = FakeUpstream.start();
    gateway = TestGateway.start(CONFIG, Map.of("UPSTREAM", upstream.baseUrl(),
        "LIMITED", ApiKeyHash.of("sk-limited"), "THRIFTY", ApiKeyHash.of("sk-thrifty"),
        "ADMIN", ApiKeyHash.of(ADMIN_KEY)));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    upstream.close();
  }

  static HttpResponse<String> chat(TestGateway gateway, String key, String model,
      String... headers) {
    var builder = HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
        .header("authorization", "Bearer " + key)
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(model)));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return gateway.send(builder.build());
  }

  static HttpResponse<String> admin(TestGateway gateway, String method, String pathAndQuery,
      String body) {
    return gateway.send(HttpRequest.newBuilder(gateway.uri(pathAndQuery))
        .header("authorization", "Bearer " + ADMIN_KEY)
        .header("content-type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body))
        .build());
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.MAPPER.readTree(response.body());
  }

  @Test
  void theFourthRequestInAMinuteGets429WithRetryAfter() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(chat(gateway, "sk-limited", "chat").statusCode()).isEqualTo(200);
    }

    var fourth = chat(gateway, "sk-limited", "chat");

    assertThat(fourth.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(fourth.headers().firstValue("retry-after").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 20L);
    JsonNode error = json(fourth).path("error");
    assertThat(error.path("message").asText()).isEqualTo("tenant limited is over its 3 "
        + "requests per minute; retry in " + retryAfter + " s");
    assertThat(error.path("type").asText()).isEqualTo("rate_limit_error");
    // a refusal is a decision like any other: counted and audited
    var metrics = Scrape.parse(gateway.send(HttpRequest.newBuilder(gateway.uri("/metrics"))
        .GET().build()).body());
    assertThat(metrics.sum("fulcrum_requests_total", "model", "chat", "error",
        "rate_limited")).hasValue(1.0);
    String requestId = fourth.headers().firstValue("x-fulcrum-request-id").orElseThrow();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:"
            + gateway.stateDir().resolve("fulcrum.db"));
        ResultSet rows = c.createStatement().executeQuery("SELECT body FROM audit_events "
            + "WHERE event_type = 'request.refused'")) {
      List<JsonNode> refused = new ArrayList<>();
      while (rows.next()) {
        refused.add(Json.MAPPER.readTree(rows.getString("body")));
      }
      assertThat(refused).filteredOn(body -> body.toString().contains(requestId))
          .singleElement().satisfies(body -> assertThat(body.toString()).contains("429"));
    }
  }

  @Test
  void onceItsBudgetIsSpentATenantIsServedLocallyOrRefusedNamingTheBudget() throws Exception {
    var first = chat(gateway, "sk-thrifty", "chat");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("x-fulcrum-placement")).hasValue("CLOUD");

    var afterwards = chat(gateway, "sk-thrifty", "chat");
    assertThat(afterwards.statusCode()).isEqualTo(200);
    assertThat(afterwards.headers().firstValue("x-fulcrum-placement")).hasValue("LOCAL");

    var paidOnly = chat(gateway, "sk-thrifty", "chat-paid");
    assertThat(paidOnly.statusCode()).isEqualTo(429);
    assertThat(json(paidOnly).path("error").path("message").asText()).contains(
        "monthly budget $0.00005 for tenant thrifty ($0.0000725 spent) is exhausted and this "
            + "route costs money");
  }

  @Test
  void usageIsSummedPerFeatureAndOnlyForAdmins() throws Exception {
    for (String feature : new String[] {"search", "search", "summary"}) {
      assertThat(chat(gateway, TestGateway.KEY, "chat-paid", "x-fulcrum-feature", feature)
          .statusCode()).isEqualTo(200);
    }
    assertThat(chat(gateway, TestGateway.KEY, "chat-paid").statusCode()).isEqualTo(200);

    var usage = admin(gateway, "GET", "/admin/v1/usage?tenant=meter&group_by=feature&"
        + AROUND_TODAY, null);

    assertThat(usage.statusCode()).isEqualTo(200);
    JsonNode body = json(usage);
    assertThat(body.path("group_by").toString()).isEqualTo("[\"feature\"]");
    JsonNode rows = body.path("rows");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).path("feature").asText()).isEmpty();
    assertThat(rows.get(1).path("feature").asText()).isEqualTo("search");
    assertThat(rows.get(1).path("requests").asLong()).isEqualTo(2);
    assertThat(rows.get(1).path("prompt_tokens").asLong()).isEqualTo(18);
    assertThat(rows.get(1).path("completion_tokens").asLong()).isEqualTo(10);
    assertThat(rows.get(1).path("cost_usd").decimalValue()).isEqualByComparingTo("0.000145");
    assertThat(rows.get(2).path("feature").asText()).isEqualTo("summary");
    assertThat(rows.get(2).path("requests").asLong()).isEqualTo(1);
    assertThat(body.path("total").path("requests").asLong()).isEqualTo(4);
    assertThat(body.path("total").path("cost_usd").decimalValue())
        .isEqualByComparingTo(new BigDecimal("0.00029"));

    var anonymous = gateway.get("/admin/v1/usage");
    assertThat(anonymous.statusCode()).as("a tenant key is not an admin key").isEqualTo(401);
  }

  @Test
  void usageQueriesAreValidated() throws Exception {
    var unknown = admin(gateway, "GET", "/admin/v1/usage?groupby=day", null);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json(unknown).path("error").path("message").asText())
        .startsWith("unknown query parameter 'groupby'");

    var badDimension = admin(gateway, "GET", "/admin/v1/usage?group_by=week", null);
    assertThat(json(badDimension).path("error").path("message").asText())
        .isEqualTo("'week' is not a usage dimension; use tenant, feature, model or day");

    var backwards = admin(gateway, "GET", "/admin/v1/usage?from=2025-03-02&to=2025-03-01", null);
    assertThat(backwards.statusCode()).isEqualTo(400);
  }

  @Test
  void telemetryReleasesAFeaturesDayOnceWithinThePrivacyBudget() throws Exception {
    assertThat(chat(gateway, TestGateway.KEY, "chat", "x-fulcrum-feature", "draft")
        .statusCode()).isEqualTo(200);
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String request = "{\"feature\":\"draft\",\"day\":\"" + today + "\"}";

    var released = admin(gateway, "POST", "/admin/v1/telemetry/release", request);

    assertThat(released.statusCode()).isEqualTo(200);
    JsonNode body = json(released);
    assertThat(body.path("feature").asText()).isEqualTo("draft");
    assertThat(body.path("mechanism").asText()).isEqualTo("laplace");
    assertThat(body.path("epsilon").decimalValue()).isEqualByComparingTo("1");
    assertThat(body.path("budget").path("epsilon_remaining").decimalValue())
        .isEqualByComparingTo("0");

    var again = admin(gateway, "POST", "/admin/v1/telemetry/release", request);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).path("error").path("code").asText())
        .isEqualTo("privacy_budget_exhausted");
    assertThat(json(again).path("error").path("message").asText())
        .contains("the privacy budget for " + today + " cannot pay for this release");
  }

  @Test
  void telemetryRequestsAreValidated() throws Exception {
    var missing = admin(gateway, "POST", "/admin/v1/telemetry/release", "{\"feature\":\"x\"}");
    assertThat(missing.statusCode()).isEqualTo(400);

    var notJson = admin(gateway, "POST", "/admin/v1/telemetry/release", "feature=secret-x");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(json(notJson).path("error").path("message").asText())
        .startsWith("the body must be JSON").doesNotContain("secret-x");

    var future = admin(gateway, "POST", "/admin/v1/telemetry/release",
        "{\"feature\":\"x\",\"day\":\"2999-01-01\"}");
    assertThat(json(future).path("error").path("message").asText())
        .isEqualTo("day 2999-01-01 is in the future");

    var badName = admin(gateway, "POST", "/admin/v1/telemetry/release",
        "{\"feature\":\"Has Spaces\",\"day\":\"2025-01-01\"}");
    assertThat(badName.statusCode()).isEqualTo(400);
    assertThat(json(badName).path("error").path("message").asText())
        .contains("feature names are 1-100 characters of [a-z0-9._-]");
  }

  @Test
  void usageAnsweredBeforeAShutdownIsThereAfterTheRestart() throws Exception {
    String yaml = """
        backends: [ { name: box, kind: simulated, placement: LOCAL } ]
        models: [ { name: chat, routes: [ { backend: box, model: local-chat } ] } ]
        tenants: [ { id: acme, api-keys: [ "${KEY_HASH}" ] } ]
        admin: { api-keys: [ "${ADMIN}" ] }
        """;
    FulcrumConfig config = ConfigLoader.withVariables(Map.of("ADMIN", ApiKeyHash.of(ADMIN_KEY),
            "KEY_HASH", ApiKeyHash.of(TestGateway.KEY))).parse("restart.yaml", yaml).withPort(0)
        .withStateIn(TestGateway.tempDir());
    HttpClient client = HttpClient.newHttpClient();
    try (Fulcrum before = Fulcrum.start(config)) {
      for (int i = 0; i < 5; i++) {
        var answer = client.send(HttpRequest.newBuilder(before.baseUrl().resolve(
                "/v1/chat/completions"))
            .header("authorization", "Bearer " + TestGateway.KEY)
            .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted("chat"))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
      }
    }

    try (Fulcrum after = Fulcrum.start(config)) {
      var usage = client.send(HttpRequest.newBuilder(after.baseUrl().resolve(
              "/admin/v1/usage?" + AROUND_TODAY))
          .header("authorization", "Bearer " + ADMIN_KEY).GET().build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(json(usage).path("rows").get(0).path("tenant").asText()).isEqualTo("acme");
      assertThat(json(usage).path("rows").get(0).path("requests").asLong()).isEqualTo(5);
    }
  }

  @Test
  void withTelemetryOffReleasesAreRefusedAndWithoutAdminKeysTheRoutesAreAbsent()
      throws Exception {
    String config = """
        backends: [ { name: box, kind: simulated, placement: LOCAL } ]
        models: [ { name: chat, routes: [ { backend: box, model: local-chat } ] } ]
        tenants: [ { id: acme, api-keys: [ "${KEY_HASH}" ] } ]
        %s
        """;
    try (TestGateway off = TestGateway.start(config.formatted(
        "admin: { api-keys: [ \"${ADMIN}\" ] }"), Map.of("ADMIN", ApiKeyHash.of(ADMIN_KEY)))) {
      var refused = admin(off, "POST", "/admin/v1/telemetry/release",
          "{\"feature\":\"x\",\"day\":\"2025-01-01\"}");
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(json(refused).path("error").path("code").asText())
          .isEqualTo("telemetry_disabled");
    }
    try (TestGateway noAdmin = TestGateway.start(config.formatted(""), Map.of())) {
      assertThat(admin(noAdmin, "GET", "/admin/v1/usage", null).statusCode()).isEqualTo(404);
    }
  }
}
