package dev.fulcrum.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.gateway.testing.CaptureUpstream;
import dev.fulcrum.gateway.testing.TestGateway;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile and unusual input on the privacy path, against a gateway with the default server and
 * privacy settings (but a scan budget that a cold JVM's first scans on a loaded machine meet)
 * and a CLOUD upstream that records what it receives. Each case has one defined behaviour
 * (docs/privacy.md): refused with a clear 4xx before anything is sent, or scanned and sanitized
 * like any other text.
 */
class BadInputIT {
  static final String CONFIG = """
      privacy: { scan-budget: 10s }
      backends:
        - { name: cloud, kind: openai, base-url: "${UPSTREAM}", placement: CLOUD }
      models:
        - { name: chat, routes: [ { backend: cloud, model: gpt-4o-mini } ] }
      tenants:
        - { id: acme, api-keys: [ "${KEY_HASH}" ] }
      """;
  static final String EMAIL = "jane.doe@example.com";
  static final String IMAGE = """
      {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==","detail":"low"}}""";

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

  static HttpResponse<String> postBytes(byte[] body) {
    return gateway.send(HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
        .header("authorization", "Bearer " + TestGateway.KEY)
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  static HttpResponse<String> chat(String messages) {
    return gateway.post("/v1/chat/completions",
        "{\"model\":\"chat\",\"messages\":" + messages + "}");
  }

  static void assertRefused(HttpResponse<String> response, int status, String messagePart) {
    GatewayIT.assertOpenAiError(response, status, "invalid_request_error");
    assertThat(GatewayIT.json(response).path("error").path("message").asText())
        .contains(messagePart);
    assertThat(upstream.captured()).as("nothing was sent upstream").isEmpty();
  }

  static String answer(HttpResponse<String> response) {
    return GatewayIT.json(response).path("choices").path(0).path("message").path("content")
        .asText();
  }

  @Test
  void aTenMegabyteMessageIs413NamingTheLimitAndTheSetting() {
    String big = "{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\""
        + "a".repeat(10_000_000) + "\"}]}";

    var response = gateway.post("/v1/chat/completions", big);

    assertRefused(response, 413, "exceeds the limit of 8388608 bytes");
    assertThat(GatewayIT.json(response).path("error").path("message").asText())
        .contains("server.max-body-bytes");
    assertThat(GatewayIT.json(response).path("error").path("code").asText())
        .isEqualTo("request_too_large");
  }

  @Test
  void invalidUtf8Is400SayingWhere() {
    byte[] start = "{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"mail jane"
        .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(start);
    body.writeBytes(new byte[] {(byte) 0xc1, (byte) 0x80}); // '@' as an overlong sequence
    body.writeBytes("example.com\"}]}".getBytes(StandardCharsets.UTF_8));

    assertRefused(postBytes(body.toByteArray()), 400,
        "request body is not valid UTF-8 (bad byte at offset " + start.length + ")");
  }

  @Test
  void aSecondMessagesKeyOrASecondObjectIs400RatherThanSmuggledPastTheScan() {
    assertRefused(gateway.post("/v1/chat/completions", "{\"model\":\"chat\",\"messages\":"
        + "[{\"role\":\"user\",\"content\":\"my SSN is 078-05-1120\"}],\"messages\":"
        + "[{\"role\":\"user\",\"content\":\"hi\"}]}"), 400, "Duplicate field");
    assertRefused(gateway.post("/v1/chat/completions", "{\"model\":\"chat\",\"messages\":"
        + "[{\"role\":\"user\",\"content\":\"hi\"}]} {\"messages\":[{\"role\":\"user\","
        + "\"content\":\"my SSN is 078-05-1120\"}]}"), 400, "more after its JSON object");
  }

  @Test
  void textPartsAreSanitizedAndImagePartsPassUnchanged() throws Exception {
    var response = chat("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"mail "
        + EMAIL + "\"}," + IMAGE + ",{\"type\":\"text\",\"text\":\"again " + EMAIL + "\"}]}]");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue(FulcrumHeaders.PII)).hasValue("EMAIL_ADDRESS=2");
    CaptureUpstream.Captured sent = upstream.captured().getFirst();
    assertThat(sent.bodyText()).doesNotContain(EMAIL);
    JsonNode parts = sent.json().path("messages").path(0).path("content");
    assertThat(parts.get(0).path("text").asText()).isEqualTo("mail <EMAIL_ADDRESS_1>");
    assertThat(parts.get(1)).isEqualTo(Json.MAPPER.readTree(IMAGE));
    assertThat(parts.get(2).path("text").asText()).isEqualTo("again <EMAIL_ADDRESS_1>");
    assertThat(answer(response)).isEqualTo("mail " + EMAIL + "\nagain " + EMAIL);
  }

  @Test
  void nestedOrMalformedContentIs400NamingTheField() {
    String deep = "[".repeat(100) + "]".repeat(100);
    assertRefused(chat("[{\"role\":\"user\",\"content\":" + deep + "}]"), 400,
        "nesting depth");
    assertRefused(chat("[{\"role\":\"user\",\"content\":[[{\"type\":\"text\",\"text\":\"x\"}]]}]"),
        400, "messages[0].content[0] must be an object");
    assertRefused(chat("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":"
        + "{\"text\":\"" + EMAIL + "\"}}]}]"), 400, "messages[0].content[0].text must be a string");
    assertRefused(chat("[{\"role\":\"user\",\"content\":[{\"text\":\"" + EMAIL + "\"}]}]"), 400,
        "messages[0].content[0].type is required");
    assertRefused(chat("[{\"role\":\"user\",\"content\":{\"type\":\"text\"}}]"), 400,
        "messages[0].content must be a string or an array of parts");
  }

  @Test
  void controlCharactersLoneSurrogatesAndBinaryInTextAreScannedAndKept() throws Exception {
    String text = "\u0000\u0001\u001b[31m " + EMAIL + " \ud800 \ufffd\u00ff\u0007 "
        + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB";
    ObjectNode body = Json.object().put("model", "chat");
    body.putArray("messages").addObject().put("role", "user").put("content", text);

    var response = postBytes(Json.bytes(body)); // escapes the lone surrogate, as JSON must

    assertThat(response.statusCode()).isEqualTo(200);
    String sent = upstream.captured().getFirst().json().path("messages").path(0).path("content")
        .asText();
    // the model may also take the binary-looking tail for a name: whatever it replaces, the
    // answer gets back; the e-mail never leaves, the control characters are kept as they were
    assertThat(sent).startsWith("\u0000\u0001\u001b[31m <EMAIL_ADDRESS_1> \ud800 ")
        .doesNotContain(EMAIL);
    assertThat(answer(response)).isEqualTo(text);
  }

  @Test
  void rawControlBytesInsideAStringAreInvalidJson() {
    assertRefused(chat("[{\"role\":\"user\",\"content\":\"a\u0001b\"}]"), 400,
        "request body is not valid JSON");
  }

  @Test
  void aLargeMessageUnderTheLimitIsEitherScannedWholeOrRefused() {
    String text = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ").repeat(5_000)
        + "Mail " + EMAIL + ".";
    ObjectNode body = Json.object().put("model", "chat");
    body.putArray("messages").addObject().put("role", "user").put("content", text);

    var response = gateway.post("/v1/chat/completions", body.toString());

    if (response.statusCode() == 200) {
      assertThat(upstream.captured().getFirst().bodyText()).doesNotContain(EMAIL);
      assertThat(answer(response)).isEqualTo(text);
    } else {
      GatewayIT.assertOpenAiError(response, 503, "server_error");
      assertThat(GatewayIT.json(response).path("error").path("code").asText())
          .isEqualTo("privacy_scan_failed");
      assertThat(upstream.captured()).isEmpty();
    }
  }
}
