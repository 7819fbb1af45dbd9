package dev.fulcrum.dataplane.classify;

/** Maps text to a fixed-length sentence embedding. Implementations are thread-safe. */
interface TextEmbedder {

  /** Embeds non-blank {@code text}; the result has {@link #dimensions()} entries. */
  float[] embed(String text);

  /** Length of every vector {@link #embed} returns. */
  int dimensions();
}
