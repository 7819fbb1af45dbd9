package dev.fulcrum.dataplane.privacy.sanitize;

import dev.fulcrum.core.privacy.EntityType;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pseudonyms of one request: placeholder ({@code <PERSON_1>}) to original value and back.
 * Use one vault for all messages of a request, so a value mentioned in several messages of a
 * conversation gets the same placeholder everywhere, and rehydrate the answer with the same
 * vault. Values are matched in {@link Canonical canonical form}, so "4111 1111 1111 1111" and
 * "4111-1111-1111-1111" share a placeholder; the original restored is the first spelling seen.
 *
 * <p>Thread-safe. Holds raw personal data: keep it in memory for the request only. {@link
 * #toString()} shows only the number of entries.
 */
public final class Vault {
  private final Map<String, String> placeholderByValue = new HashMap<>();
  private final TreeMap<String, String> originalByPlaceholder = new TreeMap<>();
  private final Map<EntityType, Integer> counters = new EnumMap<>(EntityType.class);
  private int longest;

  private Vault() {}

  /** An empty vault. */
  public static Vault create() {
    return new Vault();
  }

  /** The placeholder for {@code original}, allocating the next number of its type if new. */
  public synchronized String placeholderFor(EntityType type, String original) {
    String key = type.name() + '\u0000' + Canonical.of(type, original);
    String existing = placeholderByValue.get(key);
    if (existing != null) {
      return existing;
    }
    int n = counters.merge(type, 1, Integer::sum);
    String placeholder = "<" + type.name() + "_" + n + ">";
    placeholderByValue.put(key, placeholder);
    originalByPlaceholder.put(placeholder, original);
    longest = Math.max(longest, placeholder.length());
    return placeholder;
  }

  /** The original behind {@code placeholder}, if this vault issued it. */
  public synchronized Optional<String> original(String placeholder) {
    return Optional.ofNullable(originalByPlaceholder.get(placeholder));
  }

  /** Whether {@code text} is a proper prefix of some placeholder this vault issued. */
  synchronized boolean isPlaceholderPrefix(CharSequence text) {
    String prefix = text.toString();
    String next = originalByPlaceholder.ceilingKey(prefix);
    return next != null && next.length() > prefix.length() && next.startsWith(prefix);
  }

  /** Length of the longest placeholder issued, 0 when empty. */
  public synchronized int longestPlaceholder() {
    return longest;
  }

  public synchronized int size() {
    return originalByPlaceholder.size();
  }

  @Override
  public synchronized String toString() {
    return "Vault[entries=" + originalByPlaceholder.size() + "]";
  }
}
