package dev.fulcrum.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.controlplane.keys.KeysetSource;
import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import dev.fulcrum.controlplane.tenant.TenantDirectory;
import dev.fulcrum.controlplane.token.TokenService;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.routing.ModelRoutes;
import dev.fulcrum.core.routing.Price;
import dev.fulcrum.core.routing.Route;
import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.pipeline.Backends;
import dev.fulcrum.dataplane.pipeline.RequestPipeline;
import dev.fulcrum.dataplane.privacy.PiiDetector;
import dev.fulcrum.dataplane.privacy.Recognizer;
import dev.fulcrum.dataplane.privacy.guard.PrivacyGuard;
import dev.fulcrum.dataplane.privacy.guard.PrivacySettings;
import dev.fulcrum.dataplane.privacy.pattern.PatternRecognizers;
import dev.fulcrum.dataplane.privacy.sanitize.Action;
import dev.fulcrum.dataplane.privacy.sanitize.HashKey;
import dev.fulcrum.dataplane.privacy.sanitize.SanitizationPolicy;
import dev.fulcrum.dataplane.routing.Router;
import dev.fulcrum.gateway.testing.CaptureUpstream;
import dev.fulcrum.inference.openai.OpenAiBackends;
import dev.fulcrum.inference.openai.OpenAiSettings;
import dev.fulcrum.inference.testing.FakeUpstream;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fail closed over real HTTP, with detectors broken on purpose: one whose recognizer throws
 * (scanned on the event loop) and one whose recognizer outlasts the scan budget (scanned on scan
 * threads). Nothing reaches the CLOUD upstream, plain or streamed: a model with a route inside
 * the tenant's trust zone is served there, one without is refused with 503
 * {@code privacy_scan_failed}; {@code /v1/privacy/analyze} says the same. The gateway is
 * assembled here rather than from a config, because no config breaks a detector.
 */
class FailClosedIT {
  private static final String KEY = "sk-fail-closed";
  private static final String PROMPT = "Write to Jane Doe at jane.doe@example.com";
  private static final Duration BUDGET = Duration.ofMillis(50);

  /** How the detector fails, and whether it scans inline (event loop) or on scan threads. */
  enum Failure {
    THROWS((text, out) -> {
      throw new IllegalStateException("recognizer bug while reading " + text);
    }, 1 << 20, "the privacy scan failed"),
    TOO_SLOW((text, out) -> sleep(BUDGET.multipliedBy(4)), 0,
        "the privacy scan ran past its time budget");

    final Recognizer recognizer;
    final int inlineChars;
    final String analyzeMessage;

    Failure(Recognizer recognizer, int inlineChars, String analyzeMessage) {
      this.recognizer = recognizer;
      this.inlineChars = inlineChars;
      this.analyzeMessage = analyzeMessage;
    }
  }

  private final Vertx vertx = Vertx.vertx();
  private final ExecutorService scanThreads = Executors.newFixedThreadPool(2);
  private final HttpClient client = HttpClient.newHttpClient();
  private final CaptureUpstream cloud = CaptureUpstream.start();
  private final FakeUpstream trusted = FakeUpstream.start();
  private int port;

  @AfterEach
  void stop() {
    vertx.close();
    scanThreads.shutdownNow();
    cloud.close();
    trusted.close();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A gateway whose scan fails as {@code failure} says, with model {@code cloud-only} (a CLOUD
   * backend) and model {@code cloud-or-trusted} (the same, then a PRIVATE backend, which the
   * default trust zone holds).
   */
  private void start(Failure failure) throws Exception {
    var backends = Backends.of(List.of(
        OpenAiBackends.create(vertx, settings("cloud", Placement.CLOUD, cloud.baseUrl())),
        OpenAiBackends.create(vertx, settings("trusted", Placement.PRIVATE, trusted.baseUrl()))));
    var table = RoutingTable.of(List.of(
        ModelRoutes.single("cloud-only", "1", List.of(new Route("cloud", "m", Price.FREE))),
        ModelRoutes.single("cloud-or-trusted", "1", List.of(new Route("cloud", "m", Price.FREE),
            new Route("trusted", "m", Price.FREE)))));
    var guard = new PrivacyGuard(PiiDetector.builder().recognizers(PatternRecognizers.all())
        .recognizer(failure.recognizer).build(),
        new PrivacySettings(SanitizationPolicy.of(Action.PSEUDONYMIZE), BUDGET,
            failure.inlineChars),
        tenant -> HashKey.of(new byte[32]), scanThreads, Clock.systemUTC());
    var deps = new GatewayServer.Dependencies(
        RequestPipeline.builder(new Router(), backends, () -> table).privacy(guard).build(),
        new Authenticator(TenantDirectory.of(Map.of(ApiKeyHash.of(KEY), new Tenant("acme"))),
            TokenService.builder(KeysetSource.inMemory()).build(), "fulcrum"),
        Duration.ofMinutes(5), () -> table, backends, 0, List.of(), Optional.of(guard));
    port = GatewayServer.start(vertx, deps, "127.0.0.1", 0, 1 << 20, 1)
        .await(10, TimeUnit.SECONDS).port();
  }

  private static OpenAiSettings settings(String name, Placement placement, String url) {
    return new OpenAiSettings(name, placement, URI.create(url), Optional.empty(),
        Duration.ofSeconds(2), Duration.ofSeconds(5), 4);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("authorization", "Bearer " + KEY)
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> chat(String model, boolean stream) throws Exception {
    return post("/v1/chat/completions", "{\"model\":\"" + model + "\",\"stream\":" + stream
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}");
  }

  @ParameterizedTest
  @EnumSource(Failure.class)
  void refusesWith503WhenNoRouteIsInsideTheTrustZone(Failure failure) throws Exception {
    start(failure);

    for (boolean stream : new boolean[] {false, true}) {
      var response = chat("cloud-only", stream);

      GatewayIT.assertOpenAiError(response, 503, "server_error");
      JsonNode error = GatewayIT.json(response).path("error");
      assertThat(error.path("code").asText()).isEqualTo("privacy_scan_failed");
      assertThat(error.path("message").asText()).isEqualTo("no backend can serve model "
          + "'cloud-only': cloud: the privacy scan failed, so the request may not leave the "
          + "trust zone for CLOUD");
      assertThat(response.body()).doesNotContain("jane").doesNotContain("Exception");
    }
    assertThat(cloud.captured()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Failure.class)
  void servesInsideTheTrustZoneWhenARouteThereExists(Failure failure) throws Exception {
    start(failure);

    for (boolean stream : new boolean[] {false, true}) {
      var response = chat("cloud-or-trusted", stream);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue(FulcrumHeaders.BACKEND)).hasValue("trusted");
      assertThat(response.headers().firstValue(FulcrumHeaders.PLACEMENT)).hasValue("PRIVATE");
      assertThat(response.headers().firstValue(FulcrumHeaders.SANITIZED)).isEmpty();
    }
    assertThat(cloud.captured()).isEmpty();
    assertThat(trusted.received()).hasSize(2)
        .allSatisfy(received -> assertThat(received.body()).contains(PROMPT));
  }

  @ParameterizedTest
  @EnumSource(Failure.class)
  void theAnalyzeEndpointSays503WithoutNamingTheRecognizer(Failure failure) throws Exception {
    start(failure);

    var response = post("/v1/privacy/analyze", "{\"text\":\"" + PROMPT + "\"}");

    GatewayIT.assertOpenAiError(response, 503, "server_error");
    JsonNode error = GatewayIT.json(response).path("error");
    assertThat(error.path("code").asText()).isEqualTo("privacy_scan_failed");
    assertThat(error.path("message").asText()).startsWith(failure.analyzeMessage);
    assertThat(response.body()).doesNotContain("jane").doesNotContain("dev.fulcrum")
        .doesNotContain("Exception");
  }
}
