package dev.fulcrum.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.core.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

  @Test
  void acceptsOnlyWellFormedUtf8SayingWhereItBroke() {
    byte[] invalidStart = {'{', '"', 't', '"', ':', '"', (byte) 0xff, '"', '}'};
    byte[] overlongAt = {'{', '"', 't', '"', ':', '"', (byte) 0xc1, (byte) 0x80, '"', '}'};
    byte[] encodedSurrogate = {'{', '"', 't', '"', ':', '"', (byte) 0xed, (byte) 0xa0,
        (byte) 0x80, '"', '}'};
    for (byte[] body : List.of(invalidStart, overlongAt, encodedSurrogate)) {
      assertThatThrownBy(() -> Json.parseObject(body))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessage("request body is not valid UTF-8 (bad byte at offset 6); send JSON "
              + "encoded as UTF-8");
    }
    assertThat(Json.parseObject("{\"t\":\"é 😀\"}".getBytes(StandardCharsets.UTF_8))
        .path("t").asText()).isEqualTo("é 😀");
  }

  @Test
  void findsTheFirstBadByteAfterAsciiAndAfterValidMultiByteText() {
    byte[] ascii = "{\"t\":\"plain\"}".getBytes(StandardCharsets.UTF_8);
    byte[] mixed = "{\"t\":\"é😀x".getBytes(StandardCharsets.UTF_8);
    byte[] badAfterMixed = java.util.Arrays.copyOf(mixed, mixed.length + 2);
    badAfterMixed[mixed.length] = (byte) 0xc3; // a lead byte followed by ASCII, not a continuation
    badAfterMixed[mixed.length + 1] = '"';

    assertThat(Json.firstInvalidUtf8(ascii)).isEqualTo(-1);
    assertThat(Json.firstInvalidUtf8(new byte[0])).isEqualTo(-1);
    assertThat(Json.firstInvalidUtf8(mixed)).isEqualTo(-1);
    assertThat(Json.firstInvalidUtf8(badAfterMixed)).isEqualTo(mixed.length);
    assertThat(Json.firstInvalidUtf8(new byte[] {'a', (byte) 0x80})).isEqualTo(1);
  }

  @Test
  void refusesDuplicateKeysAndASecondValueBecauseTheUpstreamMightReadThemDifferently() {
    assertThatThrownBy(() -> Json.parseObject(("{\"messages\":[{\"content\":\"SSN 078-05-1120\"}],"
        + "\"messages\":[{\"content\":\"hi\"}]}").getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Duplicate field")
        .hasMessageNotContaining("078-05-1120");
    assertThatThrownBy(() -> Json.parseObject("{\"a\":1} {\"b\":2}"
        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("request body has more after its JSON object");
    assertThat(Json.parseObject("{\"a\":1}\n".getBytes(StandardCharsets.UTF_8)).size())
        .isEqualTo(1);
  }
}
