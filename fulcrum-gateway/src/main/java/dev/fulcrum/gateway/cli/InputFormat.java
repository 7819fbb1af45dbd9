package dev.fulcrum.gateway.cli;

import java.util.Locale;

/** How {@code pii scan} reads its input: each line as plain text, or as one JSON value. */
enum InputFormat {
  TEXT,
  /** JSON Lines: one JSON value per line; its string values are scanned. */
  JSONL;

  /** JSONL for a file named {@code *.jsonl} or {@code *.ndjson}, else (and for stdin) text. */
  static InputFormat guess(String source) {
    String name = source.toLowerCase(Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".ndjson") ? JSONL : TEXT;
  }
}
