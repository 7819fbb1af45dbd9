package dev.fulcrum.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatRequestTest {

  private static ChatRequest parse(String json) {
    return ChatRequest.fromJson(Json.parseObject(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void keepsFieldsItDoesNotInterpretForTheUpstream() {
    var request = parse("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
        + "\"temperature\":0.3,\"tools\":[],\"x_custom\":{\"k\":1}}");

    var wire = request.toJson();
    assertThat(wire.path("temperature").asDouble()).isEqualTo(0.3);
    assertThat(wire.path("tools").isArray()).isTrue();
    assertThat(wire.path("x_custom").path("k").asInt()).isEqualTo(1);
    assertThat(wire.path("model").asText()).isEqualTo("m");
  }

  @Test
  void preservesTheShapeOfMultiPartContentWhenRewritten() {
    var request = parse("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":["
        + "{\"type\":\"text\",\"text\":\"call Ann\"},"
        + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,AA\"}}]}]}");

    var rewritten = request.withMessages(request.messages().stream()
        .map(m -> m.mapText(t -> t.replace("Ann", "<PERSON_1>"))).toList());

    var content = rewritten.toJson().path("messages").get(0).path("content");
    assertThat(content.get(0).path("text").asText()).isEqualTo("call <PERSON_1>");
    assertThat(content.get(1).path("image_url").path("url").asText())
        .isEqualTo("data:image/png;base64,AA");
  }

  @Test
  void readsStreamAndIncludeUsage() {
    var request = parse("{\"model\":\"m\",\"stream\":true,\"stream_options\":"
        + "{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
    assertThat(request.stream()).isTrue();
    assertThat(request.includeUsage()).isTrue();
  }

  @Test
  void acceptsAnAssistantMessageWithoutContent() {
    var request = parse("{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"content\":null,"
        + "\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"f\","
        + "\"arguments\":\"{}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"ok\"}]}");
    assertThat(request.messages().get(0).content()).isInstanceOf(MessageContent.Absent.class);
    assertThat(request.toJson().path("messages").get(0).path("tool_calls").size()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "missing model|{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}|model|missing required field 'model'",
      "model not a string|{\"model\":7,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}|model|'model' must be a non-empty string, got a number",
      "missing messages|{\"model\":\"m\"}|messages|missing required field 'messages'",
      "messages not an array|{\"model\":\"m\",\"messages\":\"hi\"}|messages|'messages' must be an array, got a string",
      "empty messages|{\"model\":\"m\",\"messages\":[]}|messages|at least one message",
      "unknown role|{\"model\":\"m\",\"messages\":[{\"role\":\"bot\",\"content\":\"x\"}]}|messages[0].role|'bot' is not a known role",
      "content a number|{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":5}]}|messages[0].content|must be a string or an array of parts",
      "text part without text|{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\"}]}]}|messages[0].content[0].text|must be a string",
      "stream not boolean|{\"model\":\"m\",\"stream\":\"yes\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}|stream|'stream' must be true or false",
      "temperature a string|{\"model\":\"m\",\"temperature\":\"hot\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}|temperature|'temperature' must be a number",
      "max_tokens zero|{\"model\":\"m\",\"max_tokens\":0,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}|max_tokens|must be a positive integer",
      "stream_options without stream|{\"model\":\"m\",\"stream_options\":{},\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}|stream_options|only allowed when 'stream' is true",
  })
  void namesTheOffendingFieldAndTheFix(String name, String body, String param, String message) {
    assertThatThrownBy(() -> parse(body))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.param()).hasValue(param);
          assertThat(e.getMessage()).contains(message);
        });
  }

  @Test
  void neverPrintsMessageTextInToString() {
    var request = parse("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":"
        + "\"my card is 4111111111111111\"}]}");
    assertThat(request.toString()).doesNotContain("4111").contains("messages=1");
    assertThat(request.messages().get(0).toString()).doesNotContain("4111");
  }
}
