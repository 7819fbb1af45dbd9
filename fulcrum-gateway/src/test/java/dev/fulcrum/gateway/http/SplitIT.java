package dev.fulcrum.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.gateway.testing.TestGateway;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Split inference over real HTTP with the shipped prompt classifier: a split model sends simple
 * prompts to the small model and complex ones to the large model, says so in {@code
 * x-fulcrum-split}, records the choice in the audit log, and is listed by {@code /v1/models}.
 */
class SplitIT {
  static final String CONFIG = """
      backends:
        - { name: laptop, kind: simulated, placement: LOCAL }
        - { name: gpu-cloud, kind: simulated, placement: CLOUD }
      models:
        - name: chat-small
          routes: [ { backend: laptop, model: small } ]
        - name: chat-large
          routes: [ { backend: gpu-cloud, model: large } ]
        - name: chat-auto
          # generous timeout: CI machines are slow; production keeps the 300ms default
          split: { simple: chat-small, complex: chat-large, min-confidence: 0.8, timeout: 30s }
      tenants:
        - { id: acme, api-keys: [ "${KEY_HASH}" ] }
      """;
  static final String SIMPLE = "hi, how are you?";
  static final String COMPLEX = "Design a multi-region active-active architecture for a payments "
      + "ledger that must stay strongly consistent across regions, survive the loss of a whole "
      + "region without losing acknowledged writes, and keep p99 write latency under 200 ms. "
      + "Compare consensus-based replication with CRDT approaches, explain the trade-offs in "
      + "detail, and give a step-by-step migration plan from a single-region PostgreSQL setup.";

  static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(CONFIG, Map.of());
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void simplePromptRunsOnTheSmallLocalModel() throws Exception {
    HttpResponse<String> answer = chat(SIMPLE, false);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue(FulcrumHeaders.BACKEND)).contains("laptop");
    assertThat(answer.headers().firstValue(FulcrumHeaders.MODEL_VERSION)).contains("chat-small@1");
    assertThat(answer.headers().firstValue(FulcrumHeaders.SPLIT).orElseThrow())
        .startsWith("chat-auto -> chat-small (SIMPLE ");
  }

  @Test
  void complexPromptRunsOnTheLargeModelAlsoWhenStreamed() {
    HttpResponse<String> answer = chat(COMPLEX, true);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue(FulcrumHeaders.BACKEND)).contains("gpu-cloud");
    assertThat(answer.headers().firstValue(FulcrumHeaders.SPLIT).orElseThrow())
        .startsWith("chat-auto -> chat-large (COMPLEX ");
    assertThat(answer.body()).contains("data: [DONE]");
  }

  @Test
  void theSplitIsClassifiedOnTheLastUserMessage() {
    String body = """
        {"model":"chat-auto","messages":[
          {"role":"user","content":%s},
          {"role":"assistant","content":"Here is a plan..."},
          {"role":"user","content":"thanks, that helped a lot"}]}""".formatted(quote(COMPLEX));

    HttpResponse<String> answer = gateway.post("/v1/chat/completions", body);

    assertThat(answer.headers().firstValue(FulcrumHeaders.BACKEND)).contains("laptop");
  }

  @Test
  void everySplitChoiceIsInTheAuditLog() throws Exception {
    String marker = chat(SIMPLE, false).headers().firstValue(FulcrumHeaders.REQUEST_ID)
        .orElseThrow();

    List<String> bodies = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:"
        + gateway.stateDir().resolve("fulcrum.db"));
        ResultSet rows = c.createStatement().executeQuery(
            "SELECT body FROM audit_events WHERE event_type = 'request.served'")) {
      while (rows.next()) {
        bodies.add(rows.getString("body"));
      }
    }
    assertThat(bodies).filteredOn(body -> body.contains(marker)).singleElement()
        .asString().contains("split chat-auto -> chat-small (SIMPLE ")
        .doesNotContain(SIMPLE);
  }

  @Test
  void modelsListTheSplitModelWithItsPolicy() throws Exception {
    JsonNode model = Json.MAPPER.readTree(gateway.get("/v1/models/chat-auto").body());

    assertThat(model.path("id").asText()).isEqualTo("chat-auto");
    assertThat(model.path("fulcrum").path("split").path("simple").asText())
        .isEqualTo("chat-small");
    JsonNode list = Json.MAPPER.readTree(gateway.get("/v1/models").body()).path("data");
    assertThat(list.findValuesAsText("id")).contains("chat-small", "chat-large", "chat-auto");
  }

  private static HttpResponse<String> chat(String prompt, boolean stream) {
    return gateway.post("/v1/chat/completions", "{\"model\":\"chat-auto\",\"stream\":" + stream
        + ",\"messages\":[{\"role\":\"user\",\"content\":" + quote(prompt) + "}]}");
  }

  private static String quote(String text) {
    return Json.MAPPER.valueToTree(text).toString();
  }
}
