package dev.fulcrum.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChatMessageTest {
  /** An assistant message as the wire has it: content, then calls with JSON arguments. */
  private static ChatMessage assistant(String json) {
    ObjectNode node = Json.parseObject(json.getBytes(StandardCharsets.UTF_8));
    return ChatRequest.fromJson(Json.object().put("model", "m").set("messages",
        Json.MAPPER.createArrayNode().add(node))).messages().getFirst();
  }

  private static final String CALLS = """
      {"role":"assistant","content":"calling","tool_calls":[
        {"id":"a","type":"function","function":{"name":"mail",
          "arguments":"{\\"to\\": \\"ann@x.org\\", \\"cc\\": [\\"bo@x.org\\", 7], \\"urgent\\": true}"}},
        {"id":"b","type":"function","function":{"name":"note","arguments":"not json: ann@x.org"}}],
       "function_call":{"name":"old","arguments":"{\\"who\\":\\"Ann\\"}"}}""";

  @Test
  void textsAreTheContentThenTheStringValuesOfEveryCallsArguments() {
    assertThat(assistant(CALLS).texts()).containsExactly("calling", "ann@x.org", "bo@x.org",
        "not json: ann@x.org", "Ann");
    assertThat(ChatMessage.of("user", "hi").texts()).containsExactly("hi");
  }

  @Test
  void mapTextRewritesTheSameTextsInTheSameOrderAndKeepsTheRest() throws Exception {
    int[] seen = {0};
    ChatMessage original = assistant(CALLS);

    ChatMessage mapped = original.mapText(text -> "<" + (seen[0]++) + ":" + text.length() + ">");

    assertThat(seen[0]).isEqualTo(original.texts().size());
    assertThat(mapped.texts()).containsExactly("<0:7>", "<1:9>", "<2:8>", "<3:19>", "<4:3>");
    JsonNode calls = mapped.toJson().path("tool_calls");
    JsonNode first = Json.MAPPER.readTree(calls.get(0).path("function").path("arguments").asText());
    assertThat(first.path("cc").get(1).asInt()).isEqualTo(7);
    assertThat(first.path("urgent").asBoolean()).isTrue();
    assertThat(calls.get(0).path("function").path("name").asText()).isEqualTo("mail");
    assertThat(calls.get(0).path("id").asText()).isEqualTo("a");
    assertThat(calls.get(1).path("function").path("arguments").asText()).isEqualTo("<3:19>");
    assertThat(original.texts().get(1)).as("the original is not mutated").isEqualTo("ann@x.org");
  }

  @Test
  void aRewrittenValueWithQuotesStaysValidJson() throws Exception {
    ChatMessage mapped = assistant(CALLS).mapText(text -> text + "\"\\");

    String arguments = mapped.toJson().path("tool_calls").get(0).path("function")
        .path("arguments").asText();
    assertThat(Json.MAPPER.readTree(arguments).path("to").asText()).isEqualTo("ann@x.org\"\\");
  }
}
