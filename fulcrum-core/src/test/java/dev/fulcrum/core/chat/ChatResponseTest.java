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

    var restored = original.mapContent(t -> t.replace("<PERSON_1>", "Ann"));

    assertThat(restored.json().path("choices").get(0).path("message").path("content").asText())
        .isEqualTo("hello Ann");
    assertThat(original.json().path("choices").get(0).path("message").path("content").asText())
        .isEqualTo("hello <PERSON_1>");
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
