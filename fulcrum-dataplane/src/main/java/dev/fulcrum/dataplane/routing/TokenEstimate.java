package dev.fulcrum.dataplane.routing;

import dev.fulcrum.core.chat.Usage;

/**
 * Tokens a request is expected to use, for cost estimates before it runs.
 *
 * @param prompt estimated prompt tokens
 * @param completion expected completion tokens ({@code max_tokens}, or a default)
 */
public record TokenEstimate(long prompt, long completion) {
  public static final TokenEstimate ZERO = new TokenEstimate(0, 0);

  public TokenEstimate {
    if (prompt < 0 || completion < 0) {
      throw new IllegalArgumentException("token estimates must not be negative");
    }
  }

  Usage asUsage() {
    return new Usage(prompt, completion);
  }
}
