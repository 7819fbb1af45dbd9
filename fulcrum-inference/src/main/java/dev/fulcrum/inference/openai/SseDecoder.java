package dev.fulcrum.inference.openai;

import java.util.Arrays;

/**
 * Incremental decoder of a {@code text/event-stream} body into the {@code data} of each event,
 * as bytes (no String is made for the common case).
 *
 * <p>Follows the WHATWG rules a chat stream needs: lines end in LF or CRLF; consecutive
 * {@code data:} lines join with LF; a blank line dispatches; comment lines ({@code :}) and other
 * fields are ignored. Input may be split anywhere, including inside a UTF-8 sequence. Scans
 * whole line segments with plain array copies. Not thread-safe: feed it from one thread.
 */
final class SseDecoder {

  /** Receives each event's data; the array is reused after the call returns. */
  @FunctionalInterface
  interface Sink {
    void onData(byte[] data, int length);
  }

  private static final byte[] DATA = {'d', 'a', 't', 'a', ':'};

  private final Sink sink;
  private byte[] line = new byte[512];
  private int lineLength;
  private byte[] data = new byte[512];
  private int dataLength;
  private boolean hasData;

  SseDecoder(Sink sink) {
    this.sink = sink;
  }

  void feed(byte[] bytes) {
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        if (lineLength == 0) {
          endLine(bytes, start, i - start);
        } else {
          appendLine(bytes, start, i - start);
          endLine(line, 0, lineLength);
          lineLength = 0;
        }
        start = i + 1;
      }
    }
    if (start < bytes.length) {
      appendLine(bytes, start, bytes.length - start);
    }
  }

  /** Dispatches a final event that was not followed by a blank line. */
  void finish() {
    if (lineLength > 0) {
      endLine(line, 0, lineLength);
      lineLength = 0;
    }
    dispatch();
  }

  private void endLine(byte[] source, int offset, int length) {
    if (length > 0 && source[offset + length - 1] == '\r') {
      length--;
    }
    if (length == 0) {
      dispatch();
      return;
    }
    if (!startsWithData(source, offset, length)) {
      return;
    }
    int valueStart = offset + DATA.length;
    if (valueStart < offset + length && source[valueStart] == ' ') {
      valueStart++;
    }
    if (hasData) {
      appendData(new byte[] {'\n'}, 0, 1);
    }
    appendData(source, valueStart, offset + length - valueStart);
    hasData = true;
  }

  private void dispatch() {
    if (hasData) {
      hasData = false;
      int length = dataLength;
      dataLength = 0;
      sink.onData(data, length);
    }
  }

  private static boolean startsWithData(byte[] source, int offset, int length) {
    if (length < DATA.length) {
      return false;
    }
    for (int i = 0; i < DATA.length; i++) {
      if (source[offset + i] != DATA[i]) {
        return false;
      }
    }
    return true;
  }

  private void appendLine(byte[] source, int offset, int length) {
    if (lineLength + length > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
    }
    System.arraycopy(source, offset, line, lineLength, length);
    lineLength += length;
  }

  private void appendData(byte[] source, int offset, int length) {
    if (dataLength + length > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, dataLength + length));
    }
    System.arraycopy(source, offset, data, dataLength, length);
    dataLength += length;
  }
}
