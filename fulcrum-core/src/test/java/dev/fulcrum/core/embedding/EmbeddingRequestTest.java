package dev.fulcrum.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.core.chat.Usage;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.json.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingRequestTest {

  private static EmbeddingRequest parse(String json) {
    return EmbeddingRequest.fromJson(Json.parseObject(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void acceptsAStringOrAnArrayOfStrings() {
    assertThat(parse("{\"model\":\"e\",\"input\":\"one\"}").inputs()).containsExactly("one");
    assertThat(parse("{\"model\":\"e\",\"input\":[\"a\",\"b\"]}").inputs())
        .containsExactly("a", "b");
  }

  @Test
  void readsTheEncodingFormat() {
    assertThat(parse("{\"model\":\"e\",\"input\":\"x\",\"encoding_format\":\"base64\"}")
        .format()).isEqualTo(EncodingFormat.BASE64);
    assertThat(parse("{\"model\":\"e\",\"input\":\"x\"}").format())
        .isEqualTo(EncodingFormat.FLOAT);
  }

  @Test
  void rejectsTokenArraysEmptyInputAndUnknownFormatsClearly() {
    assertThatThrownBy(() -> parse("{\"model\":\"e\",\"input\":[[1,2]]}"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("token-array");
    assertThatThrownBy(() -> parse("{\"model\":\"e\",\"input\":[]}"))
        .hasMessageContaining("non-empty array");
    assertThatThrownBy(() -> parse("{\"model\":\"e\",\"input\":\"\"}"))
        .hasMessageContaining("must not be an empty string");
    assertThatThrownBy(() -> parse("{\"model\":\"e\",\"input\":\"x\",\"encoding_format\":\"hex\"}"))
        .hasMessageContaining("'float' or 'base64'");
    assertThatThrownBy(() -> parse("{\"input\":\"x\"}")).hasMessageContaining("'model'");
  }

  @Test
  void encodesBase64AsLittleEndianFloat32LikeOpenAi() {
    var response = new EmbeddingResponse("e", List.of(new float[] {1.5f, -2.25f}), new Usage(1, 0));

    String encoded = response.toJson(EncodingFormat.BASE64).path("data").get(0)
        .path("embedding").asText();

    ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(encoded))
        .order(ByteOrder.LITTLE_ENDIAN);
    assertThat(bytes.getFloat()).isEqualTo(1.5f);
    assertThat(bytes.getFloat()).isEqualTo(-2.25f);
    assertThat(bytes.hasRemaining()).isFalse();
  }
}
