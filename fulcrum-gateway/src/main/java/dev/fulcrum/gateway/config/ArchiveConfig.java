package dev.fulcrum.gateway.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The encrypted request archive ({@code archive:}, docs/config.md#archive).
 *
 * @param enabled whether every completed chat request is archived, encrypted under its tenant's
 *     key (default false)
 * @param kek the Tink keyset file holding the key-encryption key that wraps every tenant key;
 *     created on first start
 */
public record ArchiveConfig(boolean enabled, Path kek) {
  public static final Path DEFAULT_KEK = Path.of("fulcrum-kek.keyset.json");

  public ArchiveConfig {
    Objects.requireNonNull(kek, "kek");
  }

  /** Off, with the KEK file in the working directory. */
  public static ArchiveConfig defaults() {
    return new ArchiveConfig(false, DEFAULT_KEK);
  }
}
