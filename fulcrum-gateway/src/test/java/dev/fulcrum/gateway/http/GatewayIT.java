package dev.fulcrum.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.gateway.testing.TestGateway;
import dev.fulcrum.inference.testing.FakeUpstream;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible API over real HTTP, against a real fake upstream. */
class GatewayIT {
  static final String CONFIG = """
      server: { max-body-bytes: 65536 }
      backends:
        - { name: upstream, kind: openai, base-url: "${UPSTREAM}", api-key: sk-up, read-timeout: 1s }
        - { name: dead, kind: openai, base-url: "${DEAD}", connect-timeout: 1s }
        - { name: limited, kind: openai, base-url: "${UPSTREAM}" }
        - { name: sim, kind: simulated, placement: CLOUD, tokens-per-second: 0 }
        - { name: local, kind: local }
      models:
        - name: gpt-4o-mini
          routes: [ { backend: upstream, model: gpt-4o-mini } ]
        - name: resilient
          routes: [ { backend: dead, model: x }, { backend: upstream, model: gpt-4o-mini } ]
        - name: sim-chat
          routes: [ { backend: sim, model: simulated-chat } ]
        - name: embed-small
          routes: [ { backend: local } ]
        - name: drip
          routes: [ { backend: upstream, model: drip-5 } ]
        - { name: boom, routes: [ { backend: upstream, model: error-500 } ] }
        - { name: busy, routes: [ { backend: limited, model: error-429 } ] }
        - { name: sleepy, routes: [ { backend: upstream, model: slow-5000 } ] }
        - { name: only-dead, routes: [ { backend: dead, model: x } ] }
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

  static String chat(String model, String content) {
    return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\""
        + content + "\"}]}";
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return Json.MAPPER.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  static void assertOpenAiError(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.headers().firstValue(FulcrumHeaders.REQUEST_ID)).isPresent();
    JsonNode error = json(response).path("error");
    assertThat(error.path("message").asText()).isNotBlank();
    assertThat(error.path("type").asText()).isEqualTo(type);
    assertThat(error.has("param")).isTrue();
    assertThat(error.has("code")).isTrue();
  }

  @Nested
  class Chat {
    @Test
    void proxiesToTheUpstreamAndSaysWhereItWent() {
      var response = gateway.post("/v1/chat/completions", chat("gpt-4o-mini", "hello"));

      assertThat(response.statusCode()).isEqualTo(200);
      var headers = response.headers();
      assertThat(headers.firstValue(FulcrumHeaders.REQUEST_ID).orElseThrow()).startsWith("req_");
      assertThat(headers.firstValue(FulcrumHeaders.BACKEND)).hasValue("upstream");
      assertThat(headers.firstValue(FulcrumHeaders.PLACEMENT)).hasValue("CLOUD");
      assertThat(headers.firstValue(FulcrumHeaders.MODEL_VERSION)).hasValue("gpt-4o-mini@1");
      assertThat(headers.firstValue(FulcrumHeaders.SIMULATED)).isEmpty();
      var body = json(response);
      assertThat(body.path("choices").get(0).path("message").path("content").asText())
          .isEqualTo("upstream saw: hello");
      assertThat(upstream.received().getLast().authorization()).isEqualTo("Bearer sk-up");
    }

    @Test
    void labelsSimulatedAnswers() {
      var response = gateway.post("/v1/chat/completions", chat("sim-chat", "hi"));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue(FulcrumHeaders.SIMULATED)).hasValue("true");
      assertThat(json(response).path("choices").get(0).path("message").path("content").asText())
          .startsWith("[simulated");
    }

    @Test
    void fallsBackPastAnUnreachableBackend() {
      var response = gateway.post("/v1/chat/completions", chat("resilient", "x"));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue(FulcrumHeaders.BACKEND)).hasValue("upstream");
      assertThat(response.headers().firstValue(FulcrumHeaders.ATTEMPTS)).hasValue("2");
    }
  }

  @Nested
  class Streaming {
    List<String> events(HttpResponse<String> response) {
      List<String> events = new ArrayList<>();
      for (String block : response.body().split("\n\n")) {
        if (block.startsWith("data: ")) {
          events.add(block.substring(6));
        }
      }
      return events;
    }

    @Test
    void streamsServerSentEventsEndingWithDone() {
      var response = gateway.post("/v1/chat/completions",
          "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\","
              + "\"content\":\"one two three\"}]}");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("content-type").orElseThrow())
          .startsWith("text/event-stream");
      List<String> events = events(response);
      assertThat(events.getLast()).isEqualTo("[DONE]");
      StringBuilder text = new StringBuilder();
      for (String event : events.subList(0, events.size() - 1)) {
        JsonNode chunk = Json.MAPPER.valueToTree(parse(event));
        assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(chunk.path("usage").isMissingNode()).isTrue();
        text.append(chunk.path("choices").path(0).path("delta").path("content").asText(""));
      }
      assertThat(text.toString()).isEqualTo("upstream saw: one two three");
    }

    @Test
    void sendsTheUsageChunkOnlyWhenAsked() {
      var response = gateway.post("/v1/chat/completions",
          "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":"
              + "true},\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
      List<String> events = events(response);
      JsonNode usageChunk = parse(events.get(events.size() - 2));
      assertThat(usageChunk.path("choices").isEmpty()).isTrue();
      assertThat(usageChunk.path("usage").path("total_tokens").asInt()).isEqualTo(14);
    }

    @Test
    void aClientThatHangsUpCancelsTheUpstreamCall() throws Exception {
      int before = upstream.abortedStreams();
      var request = HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
          .header("authorization", "Bearer " + TestGateway.KEY)
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"model\":\"drip\",\"stream\":true,\"messages\":[{\"role\":\"user\","
                  + "\"content\":\"x\"}]}")).build();
      HttpResponse<InputStream> response = gateway.client().send(request,
          HttpResponse.BodyHandlers.ofInputStream());
      try (var reader = new BufferedReader(new InputStreamReader(response.body(),
          StandardCharsets.UTF_8))) {
        assertThat(reader.readLine()).startsWith("data: ");
      }

      long deadline = System.nanoTime() + 10_000_000_000L;
      while (upstream.abortedStreams() == before && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(upstream.abortedStreams()).isEqualTo(before + 1);
    }

    JsonNode parse(String event) {
      try {
        return Json.MAPPER.readTree(event);
      } catch (Exception e) {
        throw new AssertionError(event, e);
      }
    }
  }

  @Nested
  class Embeddings {
    @Test
    void embedsAStringOrAnArrayInFloatOrBase64() {
      var single = json(gateway.post("/v1/embeddings",
          "{\"model\":\"embed-small\",\"input\":\"hello\"}"));
      var batch = json(gateway.post("/v1/embeddings",
          "{\"model\":\"embed-small\",\"input\":[\"a\",\"hello\"],\"encoding_format\":\"base64\"}"));

      JsonNode floats = single.path("data").get(0).path("embedding");
      assertThat(floats.size()).isEqualTo(384);
      assertThat(batch.path("data").size()).isEqualTo(2);
      ByteBuffer decoded = ByteBuffer.wrap(Base64.getDecoder().decode(
          batch.path("data").get(1).path("embedding").asText())).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < 384; i++) {
        assertThat(decoded.getFloat()).isEqualTo((float) floats.get(i).asDouble());
      }
      assertThat(single.path("model").asText()).isEqualTo("all-minilm-l6-v2");
    }
  }

  @Nested
  class Models {
    @Test
    void listsTheConfiguredModelsAndMarksSimulatedOnes() {
      var body = json(gateway.get("/v1/models"));
      assertThat(body.path("object").asText()).isEqualTo("list");
      List<String> ids = new ArrayList<>();
      body.path("data").forEach(m -> ids.add(m.path("id").asText()));
      assertThat(ids).contains("gpt-4o-mini", "sim-chat", "embed-small");
      body.path("data").forEach(m -> {
        boolean simulated = m.path("id").asText().equals("sim-chat");
        assertThat(m.path("fulcrum").path("simulated").asBoolean()).isEqualTo(simulated);
      });
    }

    @Test
    void retrievesOneModelOrSays404() {
      assertThat(json(gateway.get("/v1/models/embed-small")).path("id").asText())
          .isEqualTo("embed-small");
      assertOpenAiError(gateway.get("/v1/models/nope"), 404, "invalid_request_error");
    }
  }

  @Nested
  class Errors {
    @Test
    void rejectsMissingAndUnknownKeys() {
      var missing = gateway.send(HttpRequest.newBuilder(gateway.uri("/v1/models")).GET().build());
      assertOpenAiError(missing, 401, "authentication_error");
      assertThat(json(missing).path("error").path("message").asText())
          .contains("Authorization: Bearer");
      var wrong = gateway.send(HttpRequest.newBuilder(gateway.uri("/v1/models"))
          .header("authorization", "Bearer sk-nope").GET().build());
      assertOpenAiError(wrong, 401, "authentication_error");
    }

    @Test
    void explainsMalformedRequests() {
      assertOpenAiError(gateway.post("/v1/chat/completions", "{not json"), 400,
          "invalid_request_error");
      var wrongType = gateway.post("/v1/chat/completions",
          "{\"model\":\"gpt-4o-mini\",\"messages\":\"hi\"}");
      assertOpenAiError(wrongType, 400, "invalid_request_error");
      assertThat(json(wrongType).path("error").path("param").asText()).isEqualTo("messages");
      assertOpenAiError(gateway.post("/v1/chat/completions", "{\"model\":\"gpt-4o-mini\"}"), 400,
          "invalid_request_error");
      var unknown = gateway.post("/v1/chat/completions", chat("gpt-9", "x"));
      assertOpenAiError(unknown, 404, "invalid_request_error");
      assertThat(json(unknown).path("error").path("code").asText()).isEqualTo("model_not_found");
    }

    @Test
    void refusesBodiesOverTheLimitWith413() {
      String big = chat("gpt-4o-mini", "x".repeat(70_000));
      assertOpenAiError(gateway.post("/v1/chat/completions", big), 413, "invalid_request_error");
    }

    @Test
    void mapsUpstreamFailures() {
      var boom = gateway.post("/v1/chat/completions", chat("boom", "x"));
      assertOpenAiError(boom, 502, "upstream_error");
      assertThat(json(boom).path("error").path("message").asText()).contains("HTTP 500");

      var busy = gateway.post("/v1/chat/completions", chat("busy", "x"));
      assertOpenAiError(busy, 429, "rate_limit_error");
      assertThat(busy.headers().firstValue("retry-after")).hasValue("7");

      assertOpenAiError(gateway.post("/v1/chat/completions", chat("sleepy", "x")), 504,
          "upstream_error");

      var refused = gateway.post("/v1/chat/completions", chat("only-dead", "x"));
      assertOpenAiError(refused, 502, "upstream_error");
      assertThat(json(refused).path("error").path("message").asText())
          .contains("cannot reach backend 'dead'");
    }

    @Test
    void answersUnknownPathsAndMethodsInTheSameShape() {
      assertOpenAiError(gateway.get("/v1/nope"), 404, "invalid_request_error");
      assertOpenAiError(gateway.send(HttpRequest.newBuilder(gateway.uri("/v1/models"))
          .header("authorization", "Bearer " + TestGateway.KEY)
          .DELETE().build()), 405, "invalid_request_error");
    }

    @Test
    void servesHealthAndReadinessWithoutAKey() {
      var health = gateway.send(HttpRequest.newBuilder(gateway.uri("/healthz")).GET().build());
      var ready = gateway.send(HttpRequest.newBuilder(gateway.uri("/readyz")).GET().build());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(json(ready).path("status").asText()).isEqualTo("ready");
    }
  }
}
