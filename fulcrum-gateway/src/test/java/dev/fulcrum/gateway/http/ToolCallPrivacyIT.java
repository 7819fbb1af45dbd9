package dev.fulcrum.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.gateway.testing.CaptureUpstream;
import dev.fulcrum.gateway.testing.TestGateway;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tool calls and privacy: the arguments of tool calls earlier in the conversation leave
 * sanitized like any text, and a model that answers with a tool call gets the pseudonyms it was
 * sent and puts them in the call's arguments; the client must get the originals back there, as
 * valid JSON, whole or streamed in pieces. The CLOUD upstream ({@link CaptureUpstream}) answers a request that offers
 * tools with a call whose arguments are {@code {"text": <every message echoed>}}.
 */
class ToolCallPrivacyIT {
  static final String CONFIG = BadInputIT.CONFIG;
  /** Quotes next to a placeholder: inside the arguments' JSON string they travel escaped. */
  static final String PROMPT = "Book a table for Seán \"Big\" O'Neill, confirm to "
      + "\"jane.doe@example.com\" or +44 20 7946 0958.";
  static final String[] SEEDED = {"jane.doe@example.com", "+44 20 7946 0958"};

  static CaptureUpstream upstream;
  static TestGateway gateway;

  @BeforeAll
  static void start() {
    upstream = CaptureUpstream.start();
    gateway = TestGateway.start(CONFIG, Map.of("UPSTREAM", upstream.baseUrl()));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    upstream.close();
  }

  @BeforeEach
  void forget() {
    upstream.clear();
  }

  static String request(boolean stream) {
    ObjectNode body = Json.object().put("model", "chat").put("stream", stream);
    body.putArray("messages").addObject().put("role", "user").put("content", PROMPT);
    ObjectNode function = body.putArray("tools").addObject().put("type", "function")
        .putObject("function").put("name", "book_table");
    function.putObject("parameters").put("type", "object");
    return body.toString();
  }

  @Test
  void aToolCallsArgumentsComeBackWithTheOriginalValues() throws IOException {
    HttpResponse<String> response = gateway.post("/v1/chat/completions", request(false));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode message = GatewayIT.json(response).path("choices").path(0).path("message");
    JsonNode call = message.path("tool_calls").path(0);
    assertThat(call.path("function").path("name").asText()).isEqualTo("book_table");
    assertThat(Json.MAPPER.readTree(call.path("function").path("arguments").asText())
        .path("text").asText()).isEqualTo(PROMPT);
    assertSanitizedUpstream();
  }

  @Test
  void aStreamedToolCallsArgumentsComeBackWithTheOriginalValues() throws IOException {
    HttpResponse<String> response = gateway.post("/v1/chat/completions", request(true));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    StringBuilder arguments = new StringBuilder();
    String name = "";
    String[] events = response.body().split("\n\n");
    assertThat(events[events.length - 1]).isEqualTo("data: [DONE]");
    for (int i = 0; i < events.length - 1; i++) {
      JsonNode chunk = Json.MAPPER.readTree(events[i].substring("data: ".length()));
      for (JsonNode call : chunk.path("choices").path(0).path("delta").path("tool_calls")) {
        assertThat(call.path("index").asInt()).isZero();
        name += call.path("function").path("name").asText("");
        arguments.append(call.path("function").path("arguments").asText(""));
      }
    }
    assertThat(name).isEqualTo("book_table");
    assertThat(Json.MAPPER.readTree(arguments.toString()).path("text").asText())
        .isEqualTo(PROMPT);
    assertSanitizedUpstream();
  }

  @Test
  void theArgumentsOfEarlierToolCallsLeaveSanitized() throws IOException {
    ObjectNode body = Json.object().put("model", "chat");
    var messages = body.putArray("messages");
    messages.addObject().put("role", "user").put("content", "Mail my confirmation.");
    ObjectNode call = messages.addObject().put("role", "assistant").putNull("content")
        .putArray("tool_calls").addObject().put("id", "call_1").put("type", "function");
    call.putObject("function").put("name", "mail").put("arguments", Json.object()
        .put("to", "jane.doe@example.com").put("phone", "+44 20 7946 0958").toString());
    messages.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", "sent");

    HttpResponse<String> response = gateway.post("/v1/chat/completions", body.toString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("x-fulcrum-pii").orElse(""))
        .contains("EMAIL_ADDRESS=1", "PHONE_NUMBER=1");
    String sent = upstream.captured().getFirst().bodyText();
    for (String value : SEEDED) {
      assertThat(sent).as("what the upstream received").doesNotContain(value);
    }
    JsonNode arguments = Json.MAPPER.readTree(upstream.captured().getFirst().json()
        .path("messages").get(1).path("tool_calls").get(0).path("function").path("arguments")
        .asText());
    assertThat(arguments.path("to").asText()).isEqualTo("<EMAIL_ADDRESS_1>");
    assertThat(arguments.path("phone").asText()).isEqualTo("<PHONE_NUMBER_1>");
  }

  private static void assertSanitizedUpstream() {
    assertThat(upstream.captured()).hasSize(1);
    String sent = upstream.captured().getFirst().bodyText();
    for (String value : SEEDED) {
      assertThat(sent).as("what the upstream received").doesNotContain(value);
    }
    assertThat(sent).contains("\\\"<EMAIL_ADDRESS_1>\\\"", "<PHONE_NUMBER_1>");
  }
}
