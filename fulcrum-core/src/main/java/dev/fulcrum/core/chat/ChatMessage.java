package dev.fulcrum.core.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One message of a chat request.
 *
 * @param role {@code system}, {@code developer}, {@code user}, {@code assistant}, {@code tool} or
 *     {@code function}
 * @param content what was said, in the caller's shape
 * @param extra every other field of the message ({@code name}, {@code tool_calls},
 *     {@code tool_call_id}, …), passed through untouched except the texts of tool call arguments,
 *     which {@link #mapText} rewrites in a copy; never mutated
 */
public record ChatMessage(String role, MessageContent content, ObjectNode extra) {
  /** The roles the OpenAI chat API accepts. */
  public static final Set<String> ROLES =
      Set.of("system", "developer", "user", "assistant", "tool", "function");

  public ChatMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(extra, "extra");
  }

  /** A plain text message. */
  public static ChatMessage of(String role, String text) {
    return new ChatMessage(role, new MessageContent.Text(text), Json.object());
  }

  /**
   * Every text of the message a person or model wrote: the content's texts, then the string
   * values of its tool calls' arguments (an assistant message that called tools); the order
   * {@link #mapText} rewrites them in.
   */
  public List<String> texts() {
    List<String> tools = ToolCallTexts.of(extra);
    if (tools.isEmpty()) {
      return content.texts();
    }
    List<String> texts = new ArrayList<>(content.texts());
    texts.addAll(tools);
    return texts;
  }

  /** The same message with every text of {@link #texts} rewritten (used by the sanitizer). */
  public ChatMessage mapText(UnaryOperator<String> rewrite) {
    return new ChatMessage(role, content.mapText(rewrite), ToolCallTexts.map(extra, rewrite));
  }

  /** The OpenAI wire form. */
  public ObjectNode toJson() {
    ObjectNode node = Json.object();
    node.put("role", role);
    node.set("content", content.toJson());
    node.setAll(extra);
    return node;
  }

  @Override
  public String toString() {
    return "ChatMessage[role=" + role + ", content=" + content + "]";
  }
}
