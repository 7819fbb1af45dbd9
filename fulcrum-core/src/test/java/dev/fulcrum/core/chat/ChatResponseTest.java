package dev.fulcrum.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChatResponseTest {

  @Test
  void fillsEveryFieldTheSpecRequires() {
    var upstream = Json.parseObject(("{\"choices\":[{\"index\":0,\"message\":{\"content\":"
        + "\"hi\"}}]}").getBytes(StandardCharsets.UTF_8));

    var json = ChatResponse.fromJson(upstream, "m").json();

    assertThat(json.path("id").asText()).startsWith("chatcmpl-");
    assertThat(json.path("object").asText()).isEqualTo("chat.completion");
    assertThat(json.path("created").isIntegralNumber()).isTrue();
    assertThat(json.path("model").asText()).isEqualTo("m");
    var choice = json.path("choices").get(0);
    assertThat(choice.get("logprobs").isNull()).isTrue();
    assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
    assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
    assertThat(choice.path("message").get("refusal").isNull()).isTrue();
  }

  @Test
  void rewritesContentWithoutTouchingTheOriginal() {
    var original = ChatResponse.fromJson(Json.parseObject(("{\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":\"hello <PERSON_1>\"}}]}")
        .getBytes(StandardCharsets.UTF_8)), "m");

    var restored = original.mapText(t -> t.replace("<PERSON_1>", "Ann"), t -> t);

    assertThat(restored.json().path("choices").get(0).path("message").path("content").asText())
        .isEqualTo("hello Ann");
    assertThat(original.json().path("choices").get(0).path("message").path("content").asText())
        .isEqualTo("hello <PERSON_1>");
  }

  @Test
  void rewritesToolCallArgumentsApartFromContent() {
    var original = ChatResponse.fromJson(Json.parseObject(("{\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
        + "{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"mail\","
        + "\"arguments\":\"{\\\"to\\\":\\\"<E_1>\\\"}\"}},"
        + "{\"id\":\"c2\",\"type\":\"function\",\"function\":{\"name\":\"call\","
        + "\"arguments\":\"{\\\"n\\\":\\\"<E_1>\\\"}\"}}],"
        + "\"function_call\":{\"name\":\"old\",\"arguments\":\"<E_1>\"}}}]}")
        .getBytes(StandardCharsets.UTF_8)), "m");

    var restored = original.mapText(t -> "content!", t -> t.replace("<E_1>", "a@b.c"));

    var message = restored.json().path("choices").get(0).path("message");
    assertThat(message.get("content").isNull()).isTrue();
    assertThat(message.path("tool_calls").get(0).path("function").path("arguments").asText())
        .isEqualTo("{\"to\":\"a@b.c\"}");
    assertThat(message.path("tool_calls").get(1).path("function").path("arguments").asText())
        .isEqualTo("{\"n\":\"a@b.c\"}");
    assertThat(message.path("tool_calls").get(0).path("function").path("name").asText())
        .isEqualTo("mail");
    assertThat(message.path("function_call").path("arguments").asText()).isEqualTo("a@b.c");
    assertThat(original.json().path("choices").get(0).path("message").path("tool_calls").get(0)
        .path("function").path("arguments").asText()).isEqualTo("{\"to\":\"<E_1>\"}");
  }

  @Test
  void readsUsage() {
    var response = ChatResponse.fromJson(Json.parseObject(("{\"choices\":[],\"usage\":"
        + "{\"prompt_tokens\":3,\"completion_tokens\":4}}").getBytes(StandardCharsets.UTF_8)), "m");
    assertThat(response.usage()).contains(new Usage(3, 4));
  }

  @Test
  void recognisesTheUsageOnlyChunk() {
    var chunk = ChatChunk.fromJson(Json.parseObject(("{\"choices\":[],\"usage\":"
        + "{\"prompt_tokens\":3,\"completion_tokens\":4}}").getBytes(StandardCharsets.UTF_8)), "m");
    assertThat(chunk.usageOnly()).isTrue();
    assertThat(chunk.usage()).contains(new Usage(3, 4));
  }
}
