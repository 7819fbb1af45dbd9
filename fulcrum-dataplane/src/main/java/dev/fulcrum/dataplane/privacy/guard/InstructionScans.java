package dev.fulcrum.dataplane.privacy.guard;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.observe.Digests;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the scan found in instruction texts (system and developer messages), per tenant, so the
 * same instructions sent with every request are scanned once. An application's instructions are
 * a template it repeats verbatim, often the longest text of a request (a 4 KB system prompt
 * costs some 650 µs of scanning), while user messages rarely repeat and are never kept here.
 *
 * <p>Keys are the tenant and the SHA-256 of the text, so no text is held; values are offsets and
 * types. Scans are deterministic, so a kept result is what a new scan would find. Per tenant,
 * because a shared entry would let one tenant time whether another sent the same text. Only
 * finished scans are kept (a failed one throws before it could be). Bounded: when {@code
 * capacity} entries are held, the next new one starts the cache over (instructions are few;
 * a flood of distinct ones only loses the saving). Thread-safe.
 */
final class InstructionScans {
  private final int capacity;
  private final Map<Key, List<Entity>> found = new ConcurrentHashMap<>();

  /** @param capacity entries held at most (at least 1) */
  InstructionScans(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** Whether {@code role} gives instructions (system, developer), whose texts are kept. */
  static boolean instructs(String role) {
    return role.equals("system") || role.equals("developer");
  }

  /** The key of {@code text} sent by {@code tenant}. */
  static Key key(Tenant tenant, String text) {
    byte[] sha256 = Digests.sha256().digest(text.getBytes(StandardCharsets.UTF_8));
    ByteBuffer digest = ByteBuffer.wrap(sha256);
    return new Key(tenant.id(), digest.getLong(), digest.getLong(), digest.getLong(),
        digest.getLong());
  }

  /** What an earlier scan of that text found, or null. */
  List<Entity> get(Key key) {
    return found.get(key);
  }

  void put(Key key, List<Entity> entities) {
    if (found.size() >= capacity && !found.containsKey(key)) {
      found.clear();
    }
    found.put(key, List.copyOf(entities));
  }

  int size() {
    return found.size();
  }

  /** A tenant and the SHA-256 of a text, as four longs. */
  record Key(String tenant, long d0, long d1, long d2, long d3) {
    Key {
      Objects.requireNonNull(tenant, "tenant");
    }
  }
}
