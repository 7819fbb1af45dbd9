package dev.fulcrum.core.routing;

import dev.fulcrum.core.chat.Usage;

/**
 * What a route costs, in US dollars per million tokens.
 *
 * @param inputUsdPerMTok price of prompt tokens
 * @param outputUsdPerMTok price of completion tokens
 */
public record Price(double inputUsdPerMTok, double outputUsdPerMTok) {
  public static final Price FREE = new Price(0, 0);

  public Price {
    if (!(inputUsdPerMTok >= 0) || !(outputUsdPerMTok >= 0)) {
      throw new IllegalArgumentException("prices must be non-negative numbers");
    }
  }

  /** The cost of {@code usage} at this price, in US dollars. */
  public double costUsd(Usage usage) {
    return (usage.promptTokens() * inputUsdPerMTok
        + usage.completionTokens() * outputUsdPerMTok) / 1_000_000.0;
  }
}
