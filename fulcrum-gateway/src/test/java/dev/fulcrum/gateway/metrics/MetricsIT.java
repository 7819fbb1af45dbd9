package dev.fulcrum.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fulcrum.gateway.testing.TestGateway;
import dev.fulcrum.inference.testing.FakeUpstream;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} of a real gateway, scraped after real requests over HTTP. */
class MetricsIT {
  static final String CONFIG = """
      backends:
        - { name: cloud, kind: openai, base-url: "${UPSTREAM}", placement: CLOUD }
        - { name: dead, kind: openai, base-url: "${DEAD}", connect-timeout: 1s }
        - { name: box, kind: simulated, placement: LOCAL }
      models:
        - name: chat
          routes:
            - { backend: cloud, model: gpt-4o-mini, input-usd-per-mtok: 2.5, output-usd-per-mtok: 10 }
            - { backend: box, model: local-chat }
        - name: resilient
          routes: [ { backend: dead, model: x }, { backend: cloud, model: gpt-4o-mini } ]
        - { name: boom, routes: [ { backend: cloud, model: error-500 } ] }
      tenants:
        - { id: acme, api-keys: [ "${KEY_HASH}" ] }
      """;

  static FakeUpstream upstream;
  static TestGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    upstream = FakeUpstream.start();
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    gateway = TestGateway.start(CONFIG, Map.of("UPSTREAM", upstream.baseUrl(),
        "DEAD", "http://127.0.0.1:" + deadPort + "/v1"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    upstream.close();
  }

  static HttpResponse<String> chat(String model, String... headers) {
    var builder = HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
        .header("authorization", "Bearer " + TestGateway.KEY)
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"messages\":"
            + "[{\"role\":\"user\",\"content\":\"hi\"}]}"));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return gateway.send(builder.build());
  }

  /** A scrape without any API key, as Prometheus does it. */
  static Scrape scrape() {
    HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(
        gateway.uri("/metrics")).GET().build());
    assertThat(response.statusCode()).isEqualTo(200);
    return Scrape.parse(response.body());
  }

  static double value(Scrape scrape, String name, String... labels) {
    return scrape.sum(name, labels).orElse(0);
  }

  @Test
  void servesPrometheusTextWithoutAnApiKey() {
    HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(
        gateway.uri("/metrics")).GET().build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    Scrape scrape = Scrape.parse(response.body());
    assertThat(value(scrape, "fulcrum_backend_circuit_state", "backend", "cloud", "placement",
        "CLOUD", "state", "closed")).isEqualTo(1);
    assertThat(scrape.find("fulcrum_shadow_dropped_total", Map.of())).hasSize(1);
    assertThat(scrape.find("jvm_memory_used_bytes", Map.of())).isNotEmpty();
  }

  @Test
  void servedRequestsShowLatencyTokensAndCostPerFeature() {
    Scrape before = scrape();
    for (int i = 0; i < 3; i++) {
      assertThat(chat("chat", "x-fulcrum-feature", "checkout").statusCode()).isEqualTo(200);
    }
    Scrape after = scrape();

    String[] served = {"operation", "chat", "model", "chat", "status", "2xx", "error", "none"};
    assertThat(value(after, "fulcrum_requests_total", served)
        - value(before, "fulcrum_requests_total", served)).isEqualTo(3);
    String[] cloud = {"operation", "chat", "model", "chat", "placement", "CLOUD", "backend",
        "cloud"};
    assertThat(value(after, "fulcrum_request_duration_seconds_count", cloud)
        - value(before, "fulcrum_request_duration_seconds_count", cloud)).isEqualTo(3);
    assertThat(value(after, "fulcrum_request_duration_seconds_bucket", append(cloud, "le",
        "+Inf")) - value(before, "fulcrum_request_duration_seconds_bucket", append(cloud, "le",
        "+Inf"))).isEqualTo(3);
    // the fake upstream reports 9 prompt and 5 completion tokens per answer
    String[] prompt = {"model", "chat", "backend", "cloud", "kind", "prompt"};
    assertThat(value(after, "fulcrum_tokens_total", prompt)
        - value(before, "fulcrum_tokens_total", prompt)).isEqualTo(27);
    // (9 × $2.5 + 5 × $10) per million tokens, three times
    assertThat(value(after, "fulcrum_feature_cost_usd_total", "feature", "checkout"))
        .isCloseTo(3 * 72.5e-6, within(1e-12));
    assertThat(value(after, "fulcrum_feature_requests_total", "feature", "checkout"))
        .isEqualTo(3);
  }

  @Test
  void aPrivateRequestKeptOffTheCloudIsAPrivacyIncident() {
    Scrape before = scrape();
    HttpResponse<String> response = chat("chat", "x-fulcrum-privacy", "private");
    Scrape after = scrape();

    assertThat(response.headers().firstValue("x-fulcrum-backend")).hasValue("box");
    String[] incident = {"model", "chat", "outcome", "served"};
    assertThat(value(after, "fulcrum_privacy_incidents_total", incident)
        - value(before, "fulcrum_privacy_incidents_total", incident)).isEqualTo(1);
    String[] blocked = {"backend", "cloud", "placement", "CLOUD"};
    assertThat(value(after, "fulcrum_privacy_blocked_egress_total", blocked)
        - value(before, "fulcrum_privacy_blocked_egress_total", blocked)).isEqualTo(1);
    String[] local = {"model", "chat", "placement", "LOCAL", "backend", "box"};
    assertThat(value(after, "fulcrum_request_duration_seconds_count", local)
        - value(before, "fulcrum_request_duration_seconds_count", local)).isEqualTo(1);
  }

  @Test
  void anUnknownModelNameCreatesNoSeries() {
    Scrape before = scrape();
    assertThat(chat("no-such-model-4711").statusCode()).isEqualTo(404);
    Scrape after = scrape();

    assertThat(after.text()).doesNotContain("no-such-model-4711");
    String[] unknown = {"model", "unknown", "status", "4xx", "error", "not_found"};
    assertThat(value(after, "fulcrum_requests_total", unknown)
        - value(before, "fulcrum_requests_total", unknown)).isEqualTo(1);
  }

  @Test
  void noTenantIdAppearsInAnyLabel() {
    assertThat(chat("chat").statusCode()).isEqualTo(200);
    assertThat(chat("boom").statusCode()).isEqualTo(502);

    Scrape scrape = scrape();
    assertThat(scrape.labelNames()).doesNotContain("tenant");
    assertThat(scrape.samples()).noneMatch(s -> s.labels().containsValue("acme"));
  }

  @Test
  void upstreamFailuresCountAsServerErrorsByType() {
    Scrape before = scrape();
    assertThat(chat("boom").statusCode()).isEqualTo(502);
    Scrape after = scrape();

    String[] failed = {"model", "boom", "status", "5xx", "error", "upstream_unavailable"};
    assertThat(value(after, "fulcrum_requests_total", failed)
        - value(before, "fulcrum_requests_total", failed)).isEqualTo(1);
  }

  @Test
  void aRequestServedByAFallbackIsCounted() {
    Scrape before = scrape();
    assertThat(chat("resilient").statusCode()).isEqualTo(200);
    Scrape after = scrape();

    String[] fallback = {"model", "resilient", "from", "dead", "to", "cloud"};
    assertThat(value(after, "fulcrum_fallbacks_total", fallback)
        - value(before, "fulcrum_fallbacks_total", fallback)).isEqualTo(1);
  }

  @Test
  void aStreamIsMeasuredWhenItEnds() {
    Scrape before = scrape();
    HttpResponse<String> response = gateway.post("/v1/chat/completions", "{\"model\":\"chat\","
        + "\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    Scrape after = scrape();

    assertThat(response.body()).contains("[DONE]");
    String[] stream = {"operation", "chat_stream", "model", "chat", "backend", "cloud"};
    assertThat(value(after, "fulcrum_request_duration_seconds_count", stream)
        - value(before, "fulcrum_request_duration_seconds_count", stream)).isEqualTo(1);
  }

  private static String[] append(String[] labels, String... more) {
    String[] all = java.util.Arrays.copyOf(labels, labels.length + more.length);
    System.arraycopy(more, 0, all, labels.length, more.length);
    return all;
  }
}
