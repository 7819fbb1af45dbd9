package dev.fulcrum.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Short-lived signed tokens ({@code POST /v1/tokens}) that stand in for an API key.
 *
 * @param keyset the Tink keyset file that signs tokens; created on first start
 * @param audience the audience tokens are issued for and must carry
 * @param defaultTtl the lifetime of a token when the caller names none (at most 5 minutes)
 */
public record TokensConfig(Path keyset, String audience, Duration defaultTtl) {
  public static final Duration MAX_TTL = Duration.ofMinutes(5);

  public TokensConfig {
    Objects.requireNonNull(keyset, "keyset");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(defaultTtl, "defaultTtl");
  }

  public static TokensConfig defaults() {
    return new TokensConfig(Path.of("fulcrum-tokens.keyset.json"), "fulcrum",
        Duration.ofMinutes(5));
  }
}
