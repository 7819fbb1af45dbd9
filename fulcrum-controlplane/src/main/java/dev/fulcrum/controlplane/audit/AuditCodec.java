package dev.fulcrum.controlplane.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * The canonical bytes of a stored entry and the chain hash over them. See {@code package-info}
 * for the format.
 */
final class AuditCodec {
  static final int VERSION = 1;

  /** An entry read back from its canonical bytes. */
  record Decoded(long sequence, Instant timestamp, String type, AuditEvent event) {}

  private AuditCodec() {}

  /** The canonical JSON of an event's fields; computed once, off the writer thread. */
  static String event(AuditEvent event) {
    return CanonicalJson.write(EventCodec.fields(event));
  }

  /** The canonical entry around an already-encoded event. */
  static String entry(long sequence, Instant timestamp, String type, String eventJson) {
    // the keys of an entry, already in canonical (sorted) order
    StringBuilder out = new StringBuilder(eventJson.length() + 80);
    out.append("{\"event\":").append(eventJson).append(",\"seq\":").append(sequence)
        .append(",\"ts\":").append(timestamp.toEpochMilli()).append(",\"type\":");
    CanonicalJson.string(out, type);
    return out.append(",\"v\":").append(VERSION).append('}').toString();
  }

  /** {@code SHA-256(previous || canonical)}. */
  static Sha256 chain(Sha256 previous, String canonical) {
    MessageDigest digest = Sha256.digest();
    digest.update(previous.bytes());
    return Sha256.fromBytes(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Decodes a stored entry and checks that it is in canonical form.
   *
   * @throws IllegalArgumentException naming what is wrong (never quoting the content)
   */
  static Decoded decode(String canonical) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(canonical);
    } catch (IOException e) {
      throw new IllegalArgumentException("entry is not valid JSON");
    }
    JsonFields f = new JsonFields(node, "entry");
    if (f.integer("v") != VERSION) {
      throw new IllegalArgumentException("entry has an unknown format version");
    }
    String type = f.text("type");
    Decoded decoded = new Decoded(f.integer("seq"), Instant.ofEpochMilli(f.integer("ts")), type,
        EventCodec.read(type, f.object("event")));
    f.done();
    String again = entry(decoded.sequence(), decoded.timestamp(), type,
        event(decoded.event()));
    if (!again.equals(canonical)) {
      throw new IllegalArgumentException("entry is not in canonical form");
    }
    return decoded;
  }
}
