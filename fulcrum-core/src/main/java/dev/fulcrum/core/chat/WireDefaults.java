package dev.fulcrum.core.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ThreadLocalRandom;

/** Fills fields the OpenAI spec requires when an upstream left them out. */
final class WireDefaults {
  private WireDefaults() {}

  static void completion(ObjectNode json, String object, String fallbackModel) {
    if (!json.hasNonNull("id")) {
      json.put("id", "chatcmpl-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }
    if (!json.has("object")) {
      json.put("object", object);
    }
    if (!json.path("created").isIntegralNumber()) {
      // the wall clock only fills a wire field the upstream omitted; no decision reads it
      json.put("created", System.currentTimeMillis() / 1000);
    }
    if (!json.hasNonNull("model")) {
      json.put("model", fallbackModel);
    }
    if (!json.has("choices")) {
      json.putArray("choices");
    }
  }

  static void putIfAbsent(ObjectNode node, String field) {
    if (!node.has(field)) {
      node.putNull(field);
    }
  }
}
