package dev.fulcrum.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {
  static final String CHAT = """
      {"id": 7, "model": "chat", "messages": [
        {"role": "system", "content": "be brief"},
        {"role": "user", "content": "hi", "name": "bob"}],
       "metadata": {"user": "u1", "tags": ["a", "b"], "ok": true, "n": null}, "meta": "m"}
      """;

  static List<String> visited(JsonFields fields, String json) throws Exception {
    JsonNode node = Json.MAPPER.readTree(json);
    List<String> seen = new ArrayList<>();
    fields.forEach(node, (path, text) -> seen.add(path + "=" + text));
    return seen;
  }

  @Test
  void allVisitsEveryStringWithItsPathInDocumentOrderAndSkipsOtherValues() throws Exception {
    assertThat(visited(JsonFields.all(), CHAT)).containsExactly("model=chat",
        "messages[0].role=system", "messages[0].content=be brief", "messages[1].role=user",
        "messages[1].content=hi", "messages[1].name=bob", "metadata.user=u1",
        "metadata.tags[0]=a", "metadata.tags[1]=b", "meta=m");
  }

  @Test
  void aPathWithoutPositionsSelectsThatKeyInEveryArrayElement() throws Exception {
    assertThat(visited(JsonFields.of(List.of("messages.content")), CHAT))
        .containsExactly("messages[0].content=be brief", "messages[1].content=hi");
  }

  @Test
  void aPositionSelectsOneElement() throws Exception {
    assertThat(visited(JsonFields.of(List.of("messages[1].content")), CHAT))
        .containsExactly("messages[1].content=hi");
  }

  @Test
  void aPathSelectsEverythingBelowItButNotKeysThatMerelyStartTheSame() throws Exception {
    assertThat(visited(JsonFields.of(List.of("meta", "messages[0]")), CHAT))
        .containsExactly("messages[0].role=system", "messages[0].content=be brief", "meta=m");
    assertThat(visited(JsonFields.of(List.of("metadata.tags")), CHAT))
        .containsExactly("metadata.tags[0]=a", "metadata.tags[1]=b");
  }

  @Test
  void aLineThatIsAStringHasTheEmptyPath() throws Exception {
    assertThat(visited(JsonFields.all(), "\"call me\"")).containsExactly("=call me");
    assertThat(visited(JsonFields.all(), "[\"x\", 1]")).containsExactly("[0]=x");
  }

  @Test
  void refusesSomethingThatIsNotAPath() {
    assertThatThrownBy(() -> JsonFields.of(List.of(".content")))
        .hasMessageContaining("--field '.content' is not a path");
    assertThatThrownBy(() -> JsonFields.of(List.of(" "))).hasMessageContaining("--field");
  }
}
