package dev.fulcrum.gateway.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.function.LongConsumer;

/** Passes text through and reports every {@code every} lines written, for export progress. */
final class LineCountingWriter extends FilterWriter {
  private final long every;
  private final LongConsumer report;
  private long lines;

  LineCountingWriter(Writer out, long every, LongConsumer report) {
    super(out);
    this.every = every;
    this.report = report;
  }

  @Override
  public void write(int c) throws IOException {
    super.write(c);
    counted(c);
  }

  @Override
  public void write(char[] text, int offset, int length) throws IOException {
    super.write(text, offset, length);
    for (int i = offset; i < offset + length; i++) {
      counted(text[i]);
    }
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    super.write(text, offset, length);
    for (int i = offset; i < offset + length; i++) {
      counted(text.charAt(i));
    }
  }

  /** Does not close the target: standard output stays open. */
  @Override
  public void close() throws IOException {
    flush();
  }

  private void counted(int c) {
    if (c == '\n' && ++lines % every == 0) {
      report.accept(lines);
    }
  }
}
