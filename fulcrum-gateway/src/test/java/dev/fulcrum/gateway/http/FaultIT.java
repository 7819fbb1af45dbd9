package dev.fulcrum.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.gateway.testing.TestGateway;
import dev.fulcrum.inference.testing.FakeUpstream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fault injection: upstream timeouts, 5xx, 429 with Retry-After, resets, slow and truncated
 * streams, and an outage that ends. Every request gets an answer or a clear error — counted, none
 * lost — fallbacks serve what they can, breakers open and close, degraded mode serves locally.
 */
class FaultIT {
  static final String CONFIG = """
      backends:
        - { name: primary, kind: openai, base-url: "${UPSTREAM}", read-timeout: 10s,
            circuit-breaker: { window: 10, minimum-calls: 5, open-for: 2s, half-open-probes: 2 } }
        - { name: secondary, kind: openai, base-url: "${UPSTREAM}" }
        - { name: slowpoke, kind: openai, base-url: "${UPSTREAM}", read-timeout: 1s }
        - { name: limited, kind: openai, base-url: "${UPSTREAM}" }
        - { name: box, kind: simulated, placement: LOCAL }
      models:
        - { name: ok, routes: [ { backend: primary, model: gpt } ] }
        - { name: timeout, routes: [ { backend: slowpoke, model: slow-5000 } ] }
        - { name: boom, routes: [ { backend: secondary, model: error-500 } ] }
        - { name: busy, routes: [ { backend: limited, model: error-429 } ] }
        - { name: reset, routes: [ { backend: secondary, model: reset } ] }
        - { name: truncated, routes: [ { backend: secondary, model: truncate } ] }
        - name: resilient
          routes: [ { backend: secondary, model: error-503 }, { backend: primary, model: gpt } ]
        - name: chat-large
          degraded-to: chat-local
          routes: [ { backend: primary, model: gpt } ]
        - { name: chat-local, routes: [ { backend: box } ] }
      tenants:
        - { id: acme, api-keys: [ "${KEY_HASH}" ] }
      """;

  FakeUpstream upstream;
  TestGateway gateway;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .build();

  @BeforeEach
  void start() {
    upstream = FakeUpstream.start();
    gateway = TestGateway.start(CONFIG, Map.of("UPSTREAM", upstream.baseUrl()));
  }

  @AfterEach
  void stop() {
    gateway.close();
    upstream.close();
  }

  CompletableFuture<HttpResponse<String>> send(String model, boolean stream) {
    String body = "{\"model\":\"" + model + "\"," + (stream ? "\"stream\":true," : "")
        + "\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}";
    return client.sendAsync(HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
        .header("authorization", "Bearer " + TestGateway.KEY)
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** What the caller got: a status, and for 200 streams whether they ended with [DONE]. */
  static String verdict(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      JsonNode error = parse(response.body()).path("error");
      assertThat(error.path("message").asText()).as("a clear error for %s", response.body())
          .isNotBlank();
      return response.statusCode() + " " + error.path("type").asText();
    }
    String body = response.body();
    if (response.headers().firstValue("content-type").orElse("").startsWith("text/event")) {
      if (body.endsWith("data: [DONE]\n\n")) {
        return "200 stream";
      }
      assertThat(body).as("a failed stream ends with an error event").contains("\"error\"");
      return "200 stream ended by error event";
    }
    assertThat(parse(body).path("choices").get(0).path("message").path("content").asText())
        .isNotBlank();
    return "200 json";
  }

  static JsonNode parse(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  @Test
  void everyRequestUnderFaultsGetsAnAnswerOrAClearError() throws Exception {
    String[] models = {"ok", "timeout", "boom", "busy", "reset", "truncated", "resilient"};
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 210; i++) {
      String model = models[i % models.length];
      boolean stream = i % 2 == 0;
      calls.add(send(model, stream));
      sent.add(model + (stream ? " stream" : " json"));
    }
    Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    for (int i = 0; i < calls.size(); i++) {
      String verdict;
      try {
        verdict = verdict(calls.get(i).get(60, TimeUnit.SECONDS));
      } catch (java.util.concurrent.ExecutionException e) {
        verdict = "NO ANSWER: " + e.getCause();
      }
      counts.computeIfAbsent(sent.get(i) + " -> " + verdict, k -> new AtomicInteger())
          .incrementAndGet();
    }
    int answered = counts.values().stream().mapToInt(AtomicInteger::get).sum();
    System.out.println("fault-injection outcomes (" + answered + " of " + calls.size()
        + " requests): " + new TreeMap<>(counts));

    assertThat(answered).isEqualTo(calls.size());
    assertThat(List.of(
        "ok json -> 200 json", "ok stream -> 200 stream",
        "timeout json -> 504 upstream_error", "timeout stream -> 504 upstream_error",
        "boom json -> 502 upstream_error", "boom stream -> 502 upstream_error",
        "busy json -> 429 rate_limit_error", "busy stream -> 429 rate_limit_error",
        "busy json -> 503 server_error", "busy stream -> 503 server_error",
        "reset json -> 502 upstream_error", "reset stream -> 502 upstream_error",
        "truncated json -> 200 json", "truncated stream -> 200 stream ended by error event",
        "timeout json -> 503 server_error", "timeout stream -> 503 server_error",
        "boom json -> 503 server_error", "boom stream -> 503 server_error",
        "reset json -> 503 server_error", "reset stream -> 503 server_error",
        "resilient json -> 200 json", "resilient stream -> 200 stream"))
        .as("every outcome is one of the expected ones (503 once a breaker opens)")
        .containsAll(counts.keySet());
    assertThat(counts.get("ok json -> 200 json")).hasValue(15);
    assertThat(counts.get("ok stream -> 200 stream")).hasValue(15);
    // 30 fallbacks in a burst of 210 requests fit the retry budget (20% of traffic)
    assertThat(counts.get("resilient json -> 200 json")).hasValue(15);
    assertThat(counts.get("resilient stream -> 200 stream")).hasValue(15);
  }

  @Test
  void theBreakerOpensDuringAnOutageServesDegradedAndClosesAfterRecovery() throws Exception {
    assertThat(send("chat-large", false).get().headers().firstValue(FulcrumHeaders.BACKEND))
        .hasValue("primary");
    upstream.outage(true);
    // with one success already in the window, the breaker's minimum of 5 calls is reached at the
    // 4th failure (80% failed > 50%)
    for (int i = 0; i < 4; i++) {
      var failed = send("chat-large", false).get();
      assertThat(failed.statusCode()).as(failed.headers().map() + " " + failed.body())
          .isEqualTo(502);
    }

    var degraded = send("chat-large", false).get();
    assertThat(degraded.statusCode()).isEqualTo(200);
    assertThat(degraded.headers().firstValue(FulcrumHeaders.DEGRADED)).hasValue("true");
    assertThat(degraded.headers().firstValue(FulcrumHeaders.PLACEMENT)).hasValue("LOCAL");
    var downNoFallback = send("ok", false).get();
    assertThat(downNoFallback.statusCode()).isEqualTo(503);
    assertThat(parse(downNoFallback.body()).path("error").path("message").asText())
        .contains("primary: circuit open").contains("next try in");
    assertThat(downNoFallback.headers().firstValue("retry-after")).isPresent();

    upstream.outage(false);
    Thread.sleep(2_100);
    var recovered = send("chat-large", false).get();
    assertThat(recovered.statusCode()).isEqualTo(200);
    assertThat(recovered.headers().firstValue(FulcrumHeaders.BACKEND)).hasValue("primary");
    assertThat(send("chat-large", false).get().headers().firstValue(FulcrumHeaders.DEGRADED))
        .isEmpty();
  }
}
