package dev.fulcrum.controlplane.usage;

import dev.fulcrum.core.chat.Usage;
import java.math.BigDecimal;

/**
 * Summed usage: requests, tokens, and cost kept in whole nano-dollars so that sums are exact in
 * every store.
 *
 * @param requests answered requests
 * @param promptTokens prompt tokens
 * @param completionTokens completion tokens
 * @param costNanoUsd cost in billionths of a US dollar
 */
public record UsageCounts(long requests, long promptTokens, long completionTokens,
    long costNanoUsd) {
  public static final UsageCounts ZERO = new UsageCounts(0, 0, 0, 0);
  private static final BigDecimal NANOS_PER_USD = BigDecimal.valueOf(1_000_000_000L);

  public UsageCounts {
    if (requests < 0 || promptTokens < 0 || completionTokens < 0 || costNanoUsd < 0) {
      throw new IllegalArgumentException("usage counts must not be negative");
    }
  }

  /**
   * One answered request.
   *
   * @param costUsd its cost in US dollars, rounded to the nearest nano-dollar
   */
  public static UsageCounts ofRequest(Usage usage, double costUsd) {
    if (!(costUsd >= 0)) {
      throw new IllegalArgumentException("cost must be zero or more");
    }
    return new UsageCounts(1, usage.promptTokens(), usage.completionTokens(),
        Math.round(costUsd * 1e9));
  }

  public UsageCounts plus(UsageCounts other) {
    return new UsageCounts(Math.addExact(requests, other.requests),
        Math.addExact(promptTokens, other.promptTokens),
        Math.addExact(completionTokens, other.completionTokens),
        Math.addExact(costNanoUsd, other.costNanoUsd));
  }

  public long totalTokens() {
    return promptTokens + completionTokens;
  }

  /** The cost in US dollars, exact. */
  public BigDecimal costUsd() {
    return BigDecimal.valueOf(costNanoUsd).divide(NANOS_PER_USD).stripTrailingZeros();
  }
}
