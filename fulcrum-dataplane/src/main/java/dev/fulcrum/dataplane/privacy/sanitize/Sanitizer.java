package dev.fulcrum.dataplane.privacy.sanitize;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Replaces detected entities in a text as a {@link SanitizationPolicy} says. Entities are
 * applied in text order; one that overlaps an entity already applied is skipped (the detector
 * never returns overlaps). Immutable and thread-safe.
 */
public final class Sanitizer {
  private static final HexFormat HEX = HexFormat.of();
  private static final int HASH_BYTES = 6;

  private final SanitizationPolicy policy;
  private final HashKey key;

  private Sanitizer(SanitizationPolicy policy, HashKey key) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.key = Objects.requireNonNull(key, "key");
  }

  /**
   * @param policy what to do per entity type
   * @param key the tenant's key for {@link Action#HASH}
   */
  public static Sanitizer create(SanitizationPolicy policy, HashKey key) {
    return new Sanitizer(policy, key);
  }

  /**
   * Sanitizes {@code text}.
   *
   * @param entities entities found in {@code text} (offsets into it)
   * @param vault where pseudonyms are kept; share one per request
   * @throws IllegalArgumentException when an entity lies outside the text
   */
  public Sanitized sanitize(CharSequence text, List<Entity> entities, Vault vault) {
    List<Entity> ordered = new ArrayList<>(entities);
    ordered.sort(Comparator.comparingInt(Entity::start)
        .thenComparing(Comparator.comparingInt(Entity::length).reversed()));
    StringBuilder out = new StringBuilder(text.length());
    List<Sanitized.Replacement> replacements = new ArrayList<>();
    int copied = 0;
    for (Entity e : ordered) {
      if (e.end() > text.length()) {
        throw new IllegalArgumentException("entity [" + e.start() + ", " + e.end()
            + ") lies outside the text of length " + text.length());
      }
      Action action = policy.actionFor(e.type());
      if (e.start() < copied || action == Action.ALLOW) {
        continue;
      }
      String value = text.subSequence(e.start(), e.end()).toString();
      out.append(text, copied, e.start()).append(replace(e.type(), action, value, vault));
      copied = e.end();
      replacements.add(new Sanitized.Replacement(e.type(), action, e.start(), e.end()));
    }
    out.append(text, copied, text.length());
    return new Sanitized(out.toString(), replacements);
  }

  private String replace(EntityType type, Action action, String value, Vault vault) {
    return switch (action) {
      case REDACT -> "[" + type.name() + "]";
      case MASK -> Masks.mask(type, value);
      case HASH -> "<" + type.name() + ":" + hash(type, value) + ">";
      case PSEUDONYMIZE -> vault.placeholderFor(type, value);
      case ALLOW -> value;
    };
  }

  private String hash(EntityType type, String value) {
    byte[] message = (type.name() + ':' + Canonical.of(type, value))
        .getBytes(StandardCharsets.UTF_8);
    byte[] mac = key.mac(message);
    return HEX.formatHex(mac, 0, HASH_BYTES);
  }

  @Override
  public String toString() {
    return "Sanitizer[policy=" + policy + "]";
  }
}
