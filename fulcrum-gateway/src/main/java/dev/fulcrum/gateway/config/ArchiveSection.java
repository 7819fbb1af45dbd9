package dev.fulcrum.gateway.config;

import java.nio.file.Path;

/**
 * Reads the {@code archive:} section for {@link ConfigLoader}:
 *
 * <pre>
 * archive: { enabled: true, kek: /var/lib/fulcrum/fulcrum-kek.keyset.json }
 * </pre>
 *
 * The KEK file defaults to the state directory, like the other keysets, and must be a file of
 * its own: it holds an AES key, the audit and token keysets signing keys.
 */
final class ArchiveSection {
  private ArchiveSection() {}

  static ArchiveConfig read(ConfigNode node, Path stateDir, AuditConfig audit,
      TokensConfig tokens) {
    node.allowOnly("enabled", "kek");
    ArchiveConfig defaults = ArchiveConfig.defaults();
    Path kek = ConfigLoader.file(node, "kek", stateDir.resolve(defaults.kek()));
    requireOwnFile(node, kek, audit.keyset(), "audit.keyset");
    requireOwnFile(node, kek, tokens.keyset(), "tokens.keyset");
    return new ArchiveConfig(node.bool("enabled", defaults.enabled()), kek);
  }

  private static void requireOwnFile(ConfigNode node, Path kek, Path other, String otherName) {
    if (kek.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize())) {
      throw node.field("kek").error("names the same file as " + otherName + " (" + other
          + "); the key-encryption key needs a keyset file of its own, e.g. "
          + kek.resolveSibling(ArchiveConfig.DEFAULT_KEK));
    }
  }
}
