package dev.fulcrum.core.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ThreadLocalRandom;

/** Fills fields the OpenAI spec requires when an upstream left them out. */
final class WireDefaults {
  private WireDefaults() {}

  /** @return whether anything was added */
  static boolean completion(ObjectNode json, String object, String fallbackModel) {
    boolean changed = false;
    if (!json.hasNonNull("id")) {
      json.put("id", "chatcmpl-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
      changed = true;
    }
    if (!json.has("object")) {
      json.put("object", object);
      changed = true;
    }
    if (!json.path("created").isIntegralNumber()) {
      // the wall clock only fills a wire field the upstream omitted; no decision reads it
      json.put("created", System.currentTimeMillis() / 1000);
      changed = true;
    }
    if (!json.hasNonNull("model")) {
      json.put("model", fallbackModel);
      changed = true;
    }
    if (!json.has("choices")) {
      json.putArray("choices");
      changed = true;
    }
    return changed;
  }

  /** @return whether the field was added */
  static boolean putIfAbsent(ObjectNode node, String field) {
    if (node.has(field)) {
      return false;
    }
    node.putNull(field);
    return true;
  }
}
