package dev.fulcrum.gateway.archive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.chat.ChatMessage;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.dataplane.observe.Outcome;
import java.util.Locale;

/**
 * The plaintext of one archive record, a JSON object:
 *
 * <pre>
 * {"operation": "chat" | "chat_stream", "model": "chat", "served_by": "chat@1",
 *  "messages": [ …as the client sent them, before sanitization… ],
 *  "answer": "…the first choice's text as the client received it…"}
 * </pre>
 */
final class ArchiveDocument {
  private ArchiveDocument() {}

  static byte[] of(Outcome.Completed done) {
    ObjectNode document = Json.object()
        .put("operation", done.operation().name().toLowerCase(Locale.ROOT))
        .put("model", done.alias())
        .put("served_by", done.model() + "@" + done.version());
    ArrayNode messages = document.putArray("messages");
    for (ChatMessage message : done.request().messages()) {
      messages.add(message.toJson());
    }
    document.put("answer", done.answer().text());
    return Json.bytes(document);
  }
}
