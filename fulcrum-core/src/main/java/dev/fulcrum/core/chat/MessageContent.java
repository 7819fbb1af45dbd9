package dev.fulcrum.core.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The {@code content} of a chat message in the shape the caller used: a plain string, an array
 * of parts, or absent ({@code null}, as in an assistant message that only calls tools). The
 * shape is preserved when the content is rewritten.
 */
public sealed interface MessageContent {

  /** The text Fulcrum can read, in order. */
  List<String> texts();

  /** The same shape with every text run through {@code rewrite}; other parts untouched. */
  MessageContent mapText(UnaryOperator<String> rewrite);

  /** The OpenAI wire form. */
  JsonNode toJson();

  /** {@code "content": "…"}. */
  record Text(String text) implements MessageContent {
    public Text {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public List<String> texts() {
      return List.of(text);
    }

    @Override
    public MessageContent mapText(UnaryOperator<String> rewrite) {
      return new Text(rewrite.apply(text));
    }

    @Override
    public JsonNode toJson() {
      return TextNode.valueOf(text);
    }

    @Override
    public String toString() {
      return "Text[" + text.length() + " chars]";
    }
  }

  /** {@code "content": [ {"type":"text",…}, {"type":"image_url",…} ]}. */
  record Parts(List<ContentPart> parts) implements MessageContent {
    public Parts {
      parts = List.copyOf(parts);
    }

    @Override
    public List<String> texts() {
      List<String> texts = new ArrayList<>(parts.size());
      for (ContentPart part : parts) {
        if (part instanceof ContentPart.Text text) {
          texts.add(text.text());
        }
      }
      return texts;
    }

    @Override
    public MessageContent mapText(UnaryOperator<String> rewrite) {
      List<ContentPart> mapped = new ArrayList<>(parts.size());
      for (ContentPart part : parts) {
        mapped.add(switch (part) {
          case ContentPart.Text text -> new ContentPart.Text(rewrite.apply(text.text()));
          case ContentPart.Opaque opaque -> opaque;
        });
      }
      return new Parts(mapped);
    }

    @Override
    public JsonNode toJson() {
      ArrayNode array = JsonNodeFactory.instance.arrayNode(parts.size());
      for (ContentPart part : parts) {
        switch (part) {
          case ContentPart.Text text -> array.addObject().put("type", "text").put("text", text.text());
          case ContentPart.Opaque opaque -> array.add(opaque.json());
        }
      }
      return array;
    }
  }

  /** {@code "content": null} or no content field. */
  record Absent() implements MessageContent {
    @Override
    public List<String> texts() {
      return List.of();
    }

    @Override
    public MessageContent mapText(UnaryOperator<String> rewrite) {
      return this;
    }

    @Override
    public JsonNode toJson() {
      return NullNode.getInstance();
    }
  }
}
