package dev.fulcrum.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.gateway.testing.TestGateway;
import dev.fulcrum.inference.testing.FakeUpstream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Placement over real HTTP: privacy hints, explanations, degraded mode, constraints. */
class PlacementIT {
  static final String CONFIG = """
      backends:
        - { name: cloud, kind: openai, base-url: "${UPSTREAM}", placement: CLOUD }
        - name: flaky
          kind: openai
          base-url: "${UPSTREAM}"
          circuit-breaker: { window: 2, minimum-calls: 2, open-for: 60s }
        - { name: box, kind: simulated, placement: LOCAL }
      models:
        - name: chat
          routes:
            - { backend: cloud, model: gpt-4o-mini, input-usd-per-mtok: 2.5, output-usd-per-mtok: 10 }
            - { backend: box, model: local-chat }
        - name: chat-large
          degraded-to: chat-local
          routes: [ { backend: flaky, model: error-503 } ]
        - name: chat-local
          routes: [ { backend: box, model: local-chat } ]
      tenants:
        - { id: acme, api-keys: [ "${KEY_HASH}" ] }
      """;
  static final String BODY =
      "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

  static FakeUpstream upstream;
  static TestGateway gateway;

  @BeforeAll
  static void start() {
    upstream = FakeUpstream.start();
    gateway = TestGateway.start(CONFIG, Map.of("UPSTREAM", upstream.baseUrl()));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    upstream.close();
  }

  static HttpResponse<String> chat(String model, String... headers) {
    var builder = HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
        .header("authorization", "Bearer " + TestGateway.KEY)
        .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(model)));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return gateway.send(builder.build());
  }

  static JsonNode json(String text) throws Exception {
    return Json.MAPPER.readTree(text);
  }

  @Test
  void aPrivateRequestStaysLocalAndTheDecisionSaysWhy() throws Exception {
    var response = chat("chat", "x-fulcrum-privacy", "private", "x-fulcrum-explain", "true");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue(FulcrumHeaders.BACKEND)).hasValue("box");
    assertThat(response.headers().firstValue(FulcrumHeaders.PLACEMENT)).hasValue("LOCAL");
    JsonNode decision = json(response.headers().firstValue(FulcrumHeaders.DECISION)
        .orElseThrow());
    assertThat(decision.path("chosen").path("backend").asText()).isEqualTo("box");
    assertThat(decision.path("dropped").get(0).path("reason").asText())
        .isEqualTo("CLOUD not allowed for PRIVATE request");
    assertThat(decision.path("dropped").get(0).path("cause").asText()).isEqualTo("FORBIDDEN");
  }

  @Test
  void withoutHintsTheOperatorsFirstRouteServes() {
    var response = chat("chat");
    assertThat(response.headers().firstValue(FulcrumHeaders.BACKEND)).hasValue("cloud");
    assertThat(response.headers().firstValue(FulcrumHeaders.DECISION)).isEmpty();
  }

  @Test
  void aCostCapRulesOutTheExpensiveRoute() throws Exception {
    var response = chat("chat", "x-fulcrum-max-cost-usd", "0.001", "x-fulcrum-explain", "true");
    assertThat(response.headers().firstValue(FulcrumHeaders.BACKEND)).hasValue("box");
    assertThat(json(response.headers().firstValue(FulcrumHeaders.DECISION).orElseThrow())
        .path("dropped").get(0).path("reason").asText()).startsWith("estimated cost $0.00");
  }

  @Test
  void servesDegradedLocallyOnceTheCloudCircuitOpens() throws Exception {
    assertThat(chat("chat-large").statusCode()).isEqualTo(502);
    assertThat(chat("chat-large").statusCode()).isEqualTo(502);

    var degraded = chat("chat-large");
    assertThat(degraded.statusCode()).isEqualTo(200);
    assertThat(degraded.headers().firstValue(FulcrumHeaders.DEGRADED)).hasValue("true");
    assertThat(degraded.headers().firstValue(FulcrumHeaders.BACKEND)).hasValue("box");
    assertThat(degraded.headers().firstValue(FulcrumHeaders.MODEL_VERSION))
        .hasValue("chat-local@1");
  }

  @Test
  void rejectsMalformedHintsWithA400() throws Exception {
    for (String[] header : new String[][] {{"x-fulcrum-privacy", "secret"},
        {"x-fulcrum-latency-ms", "-5"}, {"x-fulcrum-max-cost-usd", "cheap"},
        {"x-fulcrum-feature", "has spaces"}}) {
      var response = chat("chat", header);
      assertThat(response.statusCode()).as(header[0]).isEqualTo(400);
      assertThat(json(response.body()).path("error").path("message").asText())
          .contains(header[0]);
    }
  }
}
