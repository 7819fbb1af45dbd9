package dev.fulcrum.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible upstream on an ephemeral port that keeps everything it receives: each
 * request's line and headers, and its body byte for byte. It answers by echoing the text of every
 * message it was sent ({@link #echo}), so whatever placeholders reached it come back and the
 * gateway's rehydration can be checked; a request that offers {@code tools} is answered with a
 * call of the first tool whose JSON arguments hold that echo ({@code {"text": "…"}}); streamed answers are cut into pieces of 1, 2, 3, 5 and 8
 * chars in turn, so placeholders arrive split across chunks.
 */
public final class CaptureUpstream implements AutoCloseable {
  private static final int[] PIECES = {1, 2, 3, 5, 8};

  /**
   * One request as it arrived.
   *
   * @param head the request line and headers, one per line
   * @param body the body's bytes
   */
  public record Captured(String head, byte[] body) {
    /** The body decoded as UTF-8, JSON escapes left as they are. */
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON. */
    public JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (java.io.IOException e) {
        throw new AssertionError("the upstream received a body that is not JSON", e);
      }
    }
  }

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final List<Captured> captured = new CopyOnWriteArrayList<>();

  private CaptureUpstream() {
    this.server = vertx.createHttpServer().requestHandler(this::handle);
  }

  public static CaptureUpstream start() {
    CaptureUpstream upstream = new CaptureUpstream();
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

  /** Every request received so far, in arrival order. */
  public List<Captured> captured() {
    return List.copyOf(captured);
  }

  /** Forgets what was received. */
  public void clear() {
    captured.clear();
  }

  @Override
  public void close() {
    vertx.close();
  }

  /**
   * The answer to {@code messages}: the text of every message (a string content, or the text
   * parts of an array), in order, joined by newlines.
   */
  public static String echo(JsonNode messages) {
    List<String> texts = new ArrayList<>();
    for (JsonNode message : messages) {
      JsonNode content = message.path("content");
      if (content.isTextual()) {
        texts.add(content.asText());
      } else {
        content.forEach(part -> {
          if (part.path("type").asText().equals("text")) {
            texts.add(part.path("text").asText());
          }
        });
      }
    }
    return String.join("\n", texts);
  }

  private void handle(HttpServerRequest request) {
    StringBuilder head = new StringBuilder(request.method() + " " + request.uri() + " "
        + request.version() + "\n");
    for (Map.Entry<String, String> header : request.headers()) {
      head.append(header.getKey()).append(": ").append(header.getValue()).append('\n');
    }
    request.body().onSuccess(body -> {
      Captured received = new Captured(head.toString(), body.getBytes());
      captured.add(received);
      JsonNode json = received.json();
      String answer = echo(json.path("messages"));
      String tool = json.path("tools").path(0).path("function").path("name").asText("");
      boolean stream = json.path("stream").asBoolean(false);
      if (!tool.isEmpty()) {
        String arguments = Json.object().put("text", answer).toString();
        if (stream) {
          streamToolCall(request.response(), tool, arguments);
        } else {
          completeToolCall(request.response(), tool, arguments);
        }
      } else if (stream) {
        stream(request.response(), answer);
      } else {
        complete(request.response(), answer);
      }
    });
  }

  private static void complete(HttpServerResponse response, String answer) {
    ObjectNode json = envelope("chat.completion");
    ObjectNode choice = json.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", answer);
    choice.put("finish_reason", "stop");
    json.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1)
        .put("total_tokens", 2);
    response.putHeader("content-type", "application/json").end(Buffer.buffer(Json.bytes(json)));
  }

  private static void stream(HttpServerResponse response, String answer) {
    response.setChunked(true).putHeader("content-type", "text/event-stream");
    int at = 0;
    for (int piece = 0; at < answer.length(); piece++) {
      int end = Math.min(answer.length(), at + PIECES[piece % PIECES.length]);
      if (end < answer.length() && Character.isHighSurrogate(answer.charAt(end - 1))) {
        end++; // never split a surrogate pair
      }
      response.write(chunk(answer.substring(at, end), null));
      at = end;
    }
    response.write(chunk(null, "stop"));
    response.end("data: [DONE]\n\n");
  }

  private static void completeToolCall(HttpServerResponse response, String tool,
      String arguments) {
    ObjectNode json = envelope("chat.completion");
    ObjectNode choice = json.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message").put("role", "assistant").putNull("content");
    message.putArray("tool_calls").addObject().put("id", "call_capture").put("type", "function")
        .putObject("function").put("name", tool).put("arguments", arguments);
    choice.put("finish_reason", "tool_calls");
    response.putHeader("content-type", "application/json").end(Buffer.buffer(Json.bytes(json)));
  }

  /** A tool call streamed as OpenAI does: its id and name first, then its arguments in pieces. */
  private static void streamToolCall(HttpServerResponse response, String tool,
      String arguments) {
    response.setChunked(true).putHeader("content-type", "text/event-stream");
    ObjectNode first = Json.object().put("index", 0).put("id", "call_capture")
        .put("type", "function");
    first.putObject("function").put("name", tool).put("arguments", "");
    response.write(toolChunk(first));
    int at = 0;
    for (int piece = 0; at < arguments.length(); piece++) {
      int end = Math.min(arguments.length(), at + PIECES[piece % PIECES.length]);
      ObjectNode fragment = Json.object().put("index", 0);
      fragment.putObject("function").put("arguments", arguments.substring(at, end));
      response.write(toolChunk(fragment));
      at = end;
    }
    response.write(chunk(null, "tool_calls"));
    response.end("data: [DONE]\n\n");
  }

  private static Buffer toolChunk(ObjectNode call) {
    ObjectNode json = envelope("chat.completion.chunk");
    ObjectNode choice = json.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("delta").putArray("tool_calls").add(call);
    choice.putNull("finish_reason");
    return Buffer.buffer("data: ").appendBytes(Json.bytes(json)).appendString("\n\n");
  }

  /** One SSE event; serialized by Jackson, which escapes lone surrogates as JSON must. */
  private static Buffer chunk(String content, String finish) {
    ObjectNode json = envelope("chat.completion.chunk");
    ObjectNode choice = json.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode delta = choice.putObject("delta");
    if (content != null) {
      delta.put("content", content);
    }
    choice.put("finish_reason", finish);
    return Buffer.buffer("data: ").appendBytes(Json.bytes(json)).appendString("\n\n");
  }

  private static ObjectNode envelope(String object) {
    ObjectNode json = Json.object();
    json.put("id", "chatcmpl-capture");
    json.put("object", object);
    json.put("created", 1_700_000_000);
    json.put("model", "capture");
    return json;
  }
}
