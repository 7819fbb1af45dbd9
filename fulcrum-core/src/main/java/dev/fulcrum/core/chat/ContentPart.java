package dev.fulcrum.core.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One part of a multi-part message: text Fulcrum reads (and may sanitize), or any other part
 * (image, audio, file, refusal) carried through untouched.
 */
public sealed interface ContentPart {

  /** A {@code {"type":"text","text":…}} part. */
  record Text(String text) implements ContentPart {
    public Text {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
      return "Text[" + text.length() + " chars]";
    }
  }

  /** Any other part, kept byte-for-byte as the caller sent it. */
  record Opaque(String type, ObjectNode json) implements ContentPart {
    public Opaque {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(json, "json");
    }

    @Override
    public String toString() {
      return "Opaque[" + type + "]";
    }
  }
}
