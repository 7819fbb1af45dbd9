package dev.fulcrum.dataplane.privacy.sanitize;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Restores pseudonyms in a streamed answer, chunk by chunk, so a placeholder split across chunks
 * ({@code "<PER"} then {@code "SON_1>"}) still comes out whole and restored.
 *
 * <p>Each {@link #push} returns all the restored text it can be sure of. It holds back only a
 * tail that starts with {@code <} and is still a proper prefix of a placeholder the vault
 * issued, so it never holds back more than the longest placeholder's length minus one. {@link
 * #finish} releases whatever is held back, as it was. An original can be encoded for where it
 * lands (JSON string escaping inside a tool call's arguments). For one stream: not thread-safe.
 */
public final class StreamingRehydrator {
  private final Vault vault;
  private final UnaryOperator<String> encode;
  private final StringBuilder pending = new StringBuilder();

  StreamingRehydrator(Vault vault, UnaryOperator<String> encode) {
    this.vault = vault;
    this.encode = encode;
  }

  /** Feeds the next chunk; returns the restored text that is ready (maybe empty). */
  public String push(CharSequence chunk) {
    pending.append(chunk);
    StringBuilder out = new StringBuilder(pending.length());
    int longest = vault.longestPlaceholder();
    int i = 0;
    int n = pending.length();
    while (i < n) {
      char c = pending.charAt(i);
      if (c != '<' || longest == 0) {
        out.append(c);
        i++;
        continue;
      }
      int close = indexOf(pending, '>', i + 1, Math.min(n, i + longest));
      if (close >= 0) {
        Optional<String> original = vault.original(pending.substring(i, close + 1));
        if (original.isPresent()) {
          out.append(encode.apply(original.get()));
          i = close + 1;
          continue;
        }
      } else if (vault.isPlaceholderPrefix(pending.subSequence(i, n))) {
        break; // may be the start of a placeholder the next chunk completes
      }
      out.append(c);
      i++;
    }
    pending.delete(0, i);
    return out.toString();
  }

  /** Ends the stream: returns what was held back, unchanged. */
  public String finish() {
    String rest = pending.toString();
    pending.setLength(0);
    return rest;
  }

  /** Chars currently held back. */
  int held() {
    return pending.length();
  }

  private static int indexOf(CharSequence s, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "StreamingRehydrator[held=" + pending.length() + "]";
  }
}
