package dev.fulcrum.gateway.cli;

import java.time.Duration;
import java.util.Locale;

/**
 * The progress line of {@code pii scan} on a terminal, and when to show it:
 * {@code big.txt [#######---------]  45% 4.5/10.0 MB 41230 lines 3 s}, narrower than a terminal
 * for names of any length and inputs up to gigabytes.
 */
final class ScanProgress {
  /** Smaller inputs are scanned in about a second or less: no bar. */
  static final long MIN_BYTES = 1 << 20;
  private static final int BAR = 16;
  private static final int NAME = 20;
  private static final double MB = 1_000_000.0;

  private ScanProgress() {}

  /**
   * Whether to show the bar: for a file of at least {@link #MIN_BYTES} (stdin has no known
   * size), when stderr is a terminal, and unless results stream to the same terminal meanwhile
   * (a table is printed only at the end, after the bar is erased).
   *
   * @param size the input's size in bytes, negative when unknown
   */
  static boolean shown(long size, OutputFormat format, boolean stderrTerminal,
      boolean stdoutTerminal) {
    return size >= MIN_BYTES && stderrTerminal
        && (format == OutputFormat.TABLE || !stdoutTerminal);
  }

  /** The line after {@code elapsed}, with {@code done} of {@code total} bytes read. */
  static String line(String name, long done, long total, long lines, Duration elapsed) {
    double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
    int filled = (int) Math.round(fraction * BAR);
    String shortName = name.length() <= NAME ? name
        : "…" + name.substring(name.length() - NAME + 1);
    return String.format(Locale.ROOT, "%s [%s%s] %3d%% %.1f/%.1f MB %d lines %d s",
        shortName, "#".repeat(filled), "-".repeat(BAR - filled), Math.round(fraction * 100),
        done / MB, total / MB, lines, elapsed.toSeconds());
  }
}
