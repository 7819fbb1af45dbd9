package dev.fulcrum.core.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.core.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void reportsWhereTheJsonBrokeWithoutEchoingThePayload() {
    assertThatThrownBy(() -> Json.parseObject("{\"secret\": tok_live_ABC}"
        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("line 1")
        .hasMessageNotContaining("tok_live_ABC");
  }

  @Test
  void rejectsNonObjectsAndDeepNesting() {
    assertThatThrownBy(() -> Json.parseObject("[1]".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("must be a JSON object, got an array");
    String deep = "{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}";
    assertThatThrownBy(() -> Json.parseObject(deep.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRequestException.class);
  }
}
