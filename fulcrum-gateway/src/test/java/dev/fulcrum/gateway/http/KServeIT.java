package dev.fulcrum.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.gateway.metrics.Scrape;
import dev.fulcrum.gateway.testing.TestGateway;
import dev.fulcrum.inference.kserve.FakeKServe;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Open Inference Protocol v2 over real HTTP: a gateway in front of a fake Triton, with the
 * adaptive batcher on one backend. Inference round trips under the caller's model name,
 * concurrent calls share upstream inferences, metadata and readiness speak for the model, every
 * inference is audited and counted, and errors take the v2 shape.
 */
class KServeIT {
  static final String CONFIG = """
      backends:
        - name: triton
          kind: kserve
          base-url: "${KSERVE}"
          batching: { max-batch-size: 8, max-wait: 300ms, sla: 5s }
        - name: triton-patient
          kind: kserve
          base-url: "${KSERVE}"
          batching: { max-wait: 60s, sla: 60s }
        - name: dead
          kind: kserve
          base-url: "http://127.0.0.1:${DEAD_PORT}"
          connect-timeout: 2s
        - { name: box, kind: simulated, placement: LOCAL }
      models:
        - name: add-sub
          routes: [ { backend: triton, model: add_sub } ]
        - name: add-sub-patient
          routes: [ { backend: triton-patient, model: add_sub } ]
        - name: lengths
          routes: [ { backend: triton, model: lengths } ]
        - name: gone
          routes: [ { backend: dead, model: add_sub } ]
        - name: chat
          routes: [ { backend: box, model: local-chat } ]
      tenants:
        - { id: acme, api-keys: [ "${KEY_HASH}" ] }
      # generous: a cold scan on a busy CI machine must not fail closed; production keeps 100ms
      privacy: { scan-budget: 10s }
      """;

  static FakeKServe triton;
  static TestGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    triton = FakeKServe.start();
    int deadPort;
    try (var socket = new java.net.ServerSocket(0)) {
      deadPort = socket.getLocalPort(); // closed again: nothing listens there
    }
    gateway = TestGateway.start(CONFIG, Map.of("KSERVE", triton.baseUrl(),
        "DEAD_PORT", Integer.toString(deadPort)));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    triton.close();
  }

  /** One row of {@code a} and {@code b}, four columns each. */
  static String addSub(float a, float b) {
    return """
        {"id": "call-%s", "inputs": [
          {"name": "INPUT0", "datatype": "FP32", "shape": [1, 4], "data": [%s, %s, %s, %s]},
          {"name": "INPUT1", "datatype": "FP32", "shape": [1, 4], "data": [%s, %s, %s, %s]}]}"""
        .formatted(a, a, a, a, a, b, b, b, b);
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.MAPPER.readTree(response.body());
  }

  static float first(JsonNode answer, String output) {
    for (JsonNode tensor : answer.path("outputs")) {
      if (tensor.path("name").asText().equals(output)) {
        return tensor.path("data").get(0).floatValue();
      }
    }
    throw new AssertionError("no output " + output + " in " + answer);
  }

  @Test
  void infersThroughTheGatewayUnderTheCallersModelName() throws Exception {
    HttpResponse<String> response = gateway.post("/v2/models/add-sub/infer", addSub(3, 1));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = json(response);
    assertThat(answer.path("model_name").asText()).isEqualTo("add-sub");
    assertThat(answer.path("model_version").asText()).isEqualTo("1");
    assertThat(answer.path("id").asText()).isEqualTo("call-3.0");
    assertThat(first(answer, "OUTPUT0")).isEqualTo(4);
    assertThat(first(answer, "OUTPUT1")).isEqualTo(2);
    assertThat(answer.path("outputs").get(0).path("shape").toString()).isEqualTo("[1,4]");
    assertThat(response.headers().firstValue(FulcrumHeaders.BACKEND)).hasValue("triton");
    assertThat(response.headers().firstValue(FulcrumHeaders.PLACEMENT)).hasValue("PRIVATE");
    assertThat(triton.inferences("add_sub")).isNotEmpty();
  }

  @Test
  void concurrentInferencesShareUpstreamCallsAndEachGetsItsOwnRows() throws Exception {
    int before = triton.inferences("add_sub").size();
    Scrape metricsBefore = scrape();
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(gateway.client().sendAsync(HttpRequest.newBuilder(
              gateway.uri("/v2/models/add-sub/infer"))
          .header("authorization", "Bearer " + TestGateway.KEY)
          .POST(HttpRequest.BodyPublishers.ofString(addSub(i, 1))).build(),
          HttpResponse.BodyHandlers.ofString()));
    }

    for (int i = 0; i < 8; i++) {
      HttpResponse<String> response = calls.get(i).get();
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(first(json(response), "OUTPUT0")).isEqualTo(i + 1);
      assertThat(first(json(response), "OUTPUT1")).isEqualTo(i - 1);
    }
    List<FakeKServe.Received> upstream = triton.inferences("add_sub");
    assertThat(upstream.size() - before).isBetween(1, 7);
    assertThat(upstream.subList(before, upstream.size())).anySatisfy(received ->
        assertThat(Json.MAPPER.readTree(received.body()).path("inputs").get(0).path("shape")
            .get(0).asInt()).isGreaterThan(1));
    Scrape metricsAfter = scrape();
    assertThat(delta(metricsBefore, metricsAfter, "fulcrum_batcher_items_total", "backend",
        "triton")).isEqualTo(8);
    assertThat(delta(metricsBefore, metricsAfter, "fulcrum_batcher_batches_total", "backend",
        "triton")).isEqualTo(upstream.size() - before);
  }

  static double delta(Scrape before, Scrape after, String name, String... labels) {
    return after.sum(name, labels).orElse(0) - before.sum(name, labels).orElse(0);
  }

  @Test
  void aCallersLatencyTargetCutsTheBatchersWaitShort() {
    HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(
            gateway.uri("/v2/models/add-sub-patient/infer"))
        .header("authorization", "Bearer " + TestGateway.KEY)
        .header("x-fulcrum-latency-ms", "300")
        .timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofString(addSub(1, 1))).build());

    // without the target the batcher would hold the lone request for its 60 s max-wait
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void metadataAndReadinessSpeakForTheModel() throws Exception {
    HttpResponse<String> metadata = gateway.get("/v2/models/add-sub");

    assertThat(metadata.statusCode()).as(metadata.body()).isEqualTo(200);
    JsonNode model = json(metadata);
    assertThat(model.path("name").asText()).isEqualTo("add-sub");
    assertThat(model.path("versions").toString()).isEqualTo("[\"1\"]");
    assertThat(model.path("inputs").get(0).path("name").asText()).isEqualTo("INPUT0");
    assertThat(model.path("inputs").get(0).path("datatype").asText()).isEqualTo("FP32");
    assertThat(model.path("inputs").get(0).path("shape").toString()).isEqualTo("[-1,4]");

    HttpResponse<String> ready = gateway.get("/v2/models/add-sub/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(json(ready).path("ready").asBoolean()).isTrue();
    HttpResponse<String> down = gateway.get("/v2/models/gone/ready");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(json(down).path("ready").asBoolean()).isFalse();
    assertThat(gateway.get("/v2/models/nope/ready").statusCode()).isEqualTo(404);
  }

  @Test
  void healthAnswersWithoutAKey() throws Exception {
    for (String path : List.of("/v2/health/live", "/v2/health/ready")) {
      HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri(path))
          .GET().build());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.body()).as(path).contains("true");
    }
  }

  @Test
  void everyInferenceIsAuditedAndCounted() throws Exception {
    Scrape before = scrape();
    HttpResponse<String> response = gateway.post("/v2/models/add-sub/infer", addSub(2, 2));
    Scrape after = scrape();

    String[] served = {"operation", "tensors", "model", "add-sub", "status", "2xx"};
    assertThat(delta(before, after, "fulcrum_requests_total", served)).isEqualTo(1);
    String id = response.headers().firstValue(FulcrumHeaders.REQUEST_ID).orElseThrow();
    assertThat(auditBodies("request.served")).filteredOn(body -> body.contains(id))
        .singleElement().asString().contains("triton");
  }

  @Test
  void textTensorsAreScannedForPersonalData() throws Exception {
    HttpResponse<String> response = gateway.post("/v2/models/lengths/infer", """
        {"inputs": [{"name": "TEXT", "datatype": "BYTES", "shape": [2],
                     "data": ["mail jane@example.com", "hello"]}]}""");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue(FulcrumHeaders.PII)).hasValue("EMAIL_ADDRESS=1");
    assertThat(json(response).path("outputs").get(0).path("data").toString())
        .isEqualTo("[21,5]");
  }

  @Test
  void errorsTakeTheV2Shape() throws Exception {
    assertV2Error(gateway.post("/v2/models/nope/infer", addSub(1, 1)), 404,
        "model 'nope' does not exist");
    assertV2Error(gateway.post("/v2/models/add-sub/infer", addSub(1, 1)
        .replace("\"shape\": [1, 4], \"data\": [1.0, 1.0, 1.0, 1.0]",
            "\"shape\": [1, 3], \"data\": [1.0, 1.0, 1.0]")), 400, "accepts [-1, 4]");
    assertV2Error(gateway.post("/v2/models/add-sub/infer", """
        {"inputs": [{"name": "INPUT0", "datatype": "INT32", "shape": [1, 4], "data": [1, 2, 3, 4]},
                    {"name": "INPUT1", "datatype": "FP32", "shape": [1, 4], "data": [1, 2, 3, 4]}]}
        """), 400, "must be FP32, got INT32");
    assertV2Error(gateway.post("/v2/models/add-sub/infer", addSub(1, 1)
        .replaceFirst("FP32", "INT32")), 400, "element 0 is a fractional number");
    assertV2Error(gateway.post("/v2/models/add-sub/infer", addSub(1, 1)
        .replaceFirst("\\[1.0, ", "[\"one\", ")), 400, "element 0 is a string");
    assertV2Error(gateway.post("/v2/models/chat/infer", addSub(1, 1)), 400,
        "does not serve tensor inference");
    assertV2Error(gateway.send(HttpRequest.newBuilder(gateway.uri("/v2/models/add-sub/infer"))
        .POST(HttpRequest.BodyPublishers.ofString(addSub(1, 1))).build()), 401,
        "missing API key");
    assertV2Error(gateway.get("/v2/models/add-sub/versions/1"), 404, "no such endpoint");
    HttpResponse<String> down = gateway.post("/v2/models/gone/infer", addSub(1, 1));
    assertThat(down.statusCode()).as(down.body()).isIn(502, 503);
    assertThat(json(down).path("error").isTextual()).isTrue();
  }

  static void assertV2Error(HttpResponse<String> response, int status, String message)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = json(response);
    assertThat(body.path("error").asText()).contains(message);
    assertThat(body.size()).as("only the v2 'error' field").isEqualTo(1);
    assertThat(response.headers().firstValue(FulcrumHeaders.REQUEST_ID)).isPresent();
  }

  static Scrape scrape() {
    return Scrape.parse(gateway.send(HttpRequest.newBuilder(gateway.uri("/metrics")).GET()
        .build()).body());
  }

  static List<String> auditBodies(String type) throws Exception {
    List<String> bodies = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:"
        + gateway.stateDir().resolve("fulcrum.db"));
        var statement = c.prepareStatement("SELECT body FROM audit_events WHERE event_type = ?")) {
      statement.setString(1, type);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          bodies.add(rows.getString("body"));
        }
      }
    }
    return bodies;
  }
}
