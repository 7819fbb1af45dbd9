package dev.fulcrum.inference.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseDecoderTest {
  private static SseDecoder.Sink collect(List<String> events) {
    return (data, length) -> events.add(new String(data, 0, length, StandardCharsets.UTF_8));
  }

  private static final String STREAM = "data: {\"a\":\"héllo 👋\"}\r\n\r\n"
      + ": keep-alive comment\n\n"
      + "event: message\ndata: line one\ndata: line two\n\n"
      + "data:no-space\n\n"
      + "data: [DONE]\n\n";
  private static final List<String> EVENTS = List.of("{\"a\":\"héllo 👋\"}",
      "line one\nline two", "no-space", "[DONE]");

  @Test
  void decodesEventsWhereverTheBytesAreSplit() {
    byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
    for (int split = 0; split <= bytes.length; split++) {
      List<String> events = new ArrayList<>();
      SseDecoder decoder = new SseDecoder(collect(events));
      decoder.feed(Arrays.copyOfRange(bytes, 0, split));
      decoder.feed(Arrays.copyOfRange(bytes, split, bytes.length));
      decoder.finish();
      assertThat(events).as("split at byte %d", split).isEqualTo(EVENTS);
    }
  }

  @Test
  void decodesByteByByte() {
    List<String> events = new ArrayList<>();
    SseDecoder decoder = new SseDecoder(collect(events));
    for (byte b : STREAM.getBytes(StandardCharsets.UTF_8)) {
      decoder.feed(new byte[] {b});
    }
    assertThat(events).isEqualTo(EVENTS);
  }

  @Test
  void dispatchesATrailingEventWithoutBlankLineAtFinish() {
    List<String> events = new ArrayList<>();
    SseDecoder decoder = new SseDecoder(collect(events));
    decoder.feed("data: last".getBytes(StandardCharsets.UTF_8));
    assertThat(events).isEmpty();
    decoder.finish();
    assertThat(events).containsExactly("last");
  }
}
