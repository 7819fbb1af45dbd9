package dev.fulcrum.gateway.cli;

/** How {@code pii scan} prints what it found. */
enum OutputFormat {
  /** Aligned columns and a summary by type, for a person. */
  TABLE,
  /** One JSON document: the findings and the summary. */
  JSON,
  /** A header and one row per finding (RFC 4180); the summary goes to stderr. */
  CSV
}
