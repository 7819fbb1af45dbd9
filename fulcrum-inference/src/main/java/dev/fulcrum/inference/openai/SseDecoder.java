package dev.fulcrum.inference.openai;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Incremental decoder of a {@code text/event-stream} body into the {@code data} of each event.
 *
 * <p>Follows the WHATWG rules a chat stream needs: lines end in LF or CRLF; consecutive
 * {@code data:} lines join with LF; a blank line dispatches; comment lines ({@code :}) and other
 * fields are ignored. Input may be split anywhere, including inside a UTF-8 sequence. Not
 * thread-safe: feed it from one thread.
 */
final class SseDecoder {
  private final Consumer<String> onData;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;

  SseDecoder(Consumer<String> onData) {
    this.onData = onData;
  }

  void feed(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '\n') {
        endLine();
      } else {
        line.write(b);
      }
    }
  }

  /** Dispatches a final event that was not followed by a blank line. */
  void finish() {
    if (line.size() > 0) {
      endLine();
    }
    dispatch();
  }

  private void endLine() {
    byte[] raw = line.toByteArray();
    line.reset();
    int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
    if (length == 0) {
      dispatch();
      return;
    }
    String text = new String(raw, 0, length, StandardCharsets.UTF_8);
    if (text.startsWith("data:")) {
      String value = text.startsWith("data: ") ? text.substring(6) : text.substring(5);
      if (hasData) {
        data.append('\n');
      }
      data.append(value);
      hasData = true;
    }
  }

  private void dispatch() {
    if (hasData) {
      String event = data.toString();
      data.setLength(0);
      hasData = false;
      onData.accept(event);
    }
  }
}
