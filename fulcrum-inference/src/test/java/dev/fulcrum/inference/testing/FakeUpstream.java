package dev.fulcrum.inference.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real OpenAI-compatible HTTP server on an ephemeral port, for tests. It records every request
 * and misbehaves on demand, chosen by the request's {@code model}:
 *
 * <ul>
 *   <li>{@code error-NNN}: answers HTTP NNN with an OpenAI error (429 adds Retry-After: 7)
 *   <li>{@code slow-MS}: answers after MS milliseconds
 *   <li>{@code drip-MS}: streams 10 000 chunks, one every MS milliseconds
 *   <li>{@code truncate}: streams two chunks, then drops the connection without [DONE]
 *   <li>{@code reset}: drops the connection without answering
 *   <li>{@code garbage}: answers 200 with a body that is not JSON
 *   <li>anything else: a completion whose content echoes the last user message, omitting the
 *       spec's {@code refusal} and {@code logprobs} fields as some real upstreams do
 * </ul>
 *
 * <p>{@link #outage(boolean)} makes every request fail with 503 until it is turned off.
 */
public final class FakeUpstream implements AutoCloseable {

  /** One request as the upstream received it. */
  public record Received(String path, String authorization, String body) {}

  private final Vertx vertx;
  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger abortedStreams = new AtomicInteger();
  private volatile boolean outage;

  private FakeUpstream(Vertx vertx) {
    this.vertx = vertx;
    this.server = vertx.createHttpServer().requestHandler(this::handle);
  }

  public static FakeUpstream start() {
    FakeUpstream upstream = new FakeUpstream(Vertx.vertx());
    try {
      upstream.server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(e);
    }
    return upstream;
  }

  /** The base URL to configure, e.g. {@code http://127.0.0.1:PORT/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort() + "/v1";
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** While on, every request is answered 503, whatever its model: an outage. */
  public void outage(boolean on) {
    outage = on;
  }

  /** Streams whose client went away before the stream ended. */
  public int abortedStreams() {
    return abortedStreams.get();
  }

  @Override
  public void close() {
    vertx.close();
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      String text = body.toString(StandardCharsets.UTF_8);
      received.add(new Received(request.path(), request.getHeader("authorization"), text));
      JsonNode json;
      try {
        json = Json.MAPPER.readTree(text);
      } catch (Exception e) {
        error(request.response(), 400, "invalid JSON body");
        return;
      }
      String model = json.path("model").asText("");
      if (outage) {
        error(request.response(), 503, "fake upstream outage");
        return;
      }
      switch (request.path()) {
        case "/v1/chat/completions" -> chat(request.response(), json, model);
        case "/v1/embeddings" -> embeddings(request.response(), json);
        default -> error(request.response(), 404, "unknown path " + request.path());
      }
    });
  }

  private void chat(HttpServerResponse response, JsonNode request, String model) {
    if (model.startsWith("error-")) {
      int status = Integer.parseInt(model.substring(6));
      if (status == 429) {
        response.putHeader("retry-after", "7");
      }
      error(response, status, "fake upstream error " + status);
    } else if (model.startsWith("slow-")) {
      vertx.setTimer(Long.parseLong(model.substring(5)), id -> complete(response, request));
    } else if (model.equals("reset")) {
      response.reset();
    } else if (model.equals("garbage")) {
      response.putHeader("content-type", "application/json").end("<html>oops</html>");
    } else if (request.path("stream").asBoolean(false)) {
      stream(response, request, model);
    } else {
      complete(response, request);
    }
  }

  private void complete(HttpServerResponse response, JsonNode request) {
    ObjectNode json = Json.object();
    json.put("id", "chatcmpl-fake");
    json.put("object", "chat.completion");
    json.put("created", 1_700_000_000);
    json.put("model", request.path("model").asText());
    ObjectNode choice = json.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", answer(request));
    choice.put("finish_reason", "stop");
    json.putObject("usage").put("prompt_tokens", 9).put("completion_tokens", 5)
        .put("total_tokens", 14);
    response.putHeader("content-type", "application/json").end(Json.MAPPER.valueToTree(json)
        .toString());
  }

  private void stream(HttpServerResponse response, JsonNode request, String model) {
    response.setChunked(true).putHeader("content-type", "text/event-stream");
    if (model.startsWith("drip-")) {
      long every = Long.parseLong(model.substring(5));
      AtomicInteger sent = new AtomicInteger();
      long timer = vertx.setPeriodic(every, id -> {
        if (sent.incrementAndGet() > 10_000) {
          vertx.cancelTimer(id);
          response.end("data: [DONE]\n\n");
        } else {
          response.write(chunk("tick ", null));
        }
      });
      response.closeHandler(closed -> {
        if (vertx.cancelTimer(timer)) {
          abortedStreams.incrementAndGet();
        }
      });
      return;
    }
    String[] words = answer(request).split("(?<= )");
    response.write(chunk(null, null).replace("\"content\":null", "\"role\":\"assistant\""));
    if (model.equals("truncate")) {
      response.write(chunk(words[0], null));
      vertx.setTimer(20, id -> response.reset());
      return;
    }
    for (String word : words) {
      response.write(chunk(word, null));
    }
    response.write(chunk(null, "stop"));
    if (request.path("stream_options").path("include_usage").asBoolean(false)) {
      response.write("data: {\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\","
          + "\"created\":1700000000,\"model\":\"" + model + "\",\"choices\":[],"
          + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":5,\"total_tokens\":14}}\n\n");
    }
    response.end("data: [DONE]\n\n");
  }

  private static String chunk(String content, String finish) {
    ObjectNode json = Json.object();
    json.put("id", "chatcmpl-fake");
    json.put("object", "chat.completion.chunk");
    json.put("created", 1_700_000_000);
    json.put("model", "fake");
    ObjectNode choice = json.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode delta = choice.putObject("delta");
    if (content != null || finish == null) {
      delta.put("content", content);
    }
    choice.put("finish_reason", finish);
    return "data: " + json + "\n\n";
  }

  private void embeddings(HttpServerResponse response, JsonNode request) {
    JsonNode input = request.path("input");
    ObjectNode json = Json.object();
    json.put("object", "list");
    ArrayNode data = json.putArray("data");
    // answer in reverse order: clients must place vectors by index
    for (int i = input.size() - 1; i >= 0; i--) {
      ObjectNode item = data.addObject();
      item.put("object", "embedding");
      item.put("index", i);
      ArrayNode vector = item.putArray("embedding");
      int seed = input.get(i).asText().hashCode();
      for (int d = 0; d < 8; d++) {
        vector.add(((seed >>> d) & 0xff) / 255.0);
      }
    }
    json.put("model", request.path("model").asText());
    json.putObject("usage").put("prompt_tokens", input.size()).put("total_tokens", input.size());
    response.putHeader("content-type", "application/json").end(json.toString());
  }

  private static String answer(JsonNode request) {
    JsonNode messages = request.path("messages");
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).path("role").asText().equals("user")) {
        return "upstream saw: " + messages.get(i).path("content").asText();
      }
    }
    return "upstream saw nothing";
  }

  private static void error(HttpServerResponse response, int status, String message) {
    ObjectNode json = Json.object();
    json.putObject("error").put("message", message).put("type", "server_error")
        .put("code", String.valueOf(status));
    response.setStatusCode(status).putHeader("content-type", "application/json")
        .end(Buffer.buffer(json.toString()));
  }
}
