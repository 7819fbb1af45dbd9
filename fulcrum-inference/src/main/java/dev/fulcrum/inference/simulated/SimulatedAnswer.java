package dev.fulcrum.inference.simulated;

import dev.fulcrum.core.chat.ChatMessage;
import dev.fulcrum.core.chat.ChatRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The text a simulated backend answers: it says it is simulated and echoes the last user
 * message, so callers (and the privacy tests) can see exactly what reached the backend.
 *
 * @param tokens the answer split into tokens (words with their leading space)
 * @param promptTokens estimated prompt tokens (4 characters per token)
 * @param truncated whether {@code max_tokens} cut the answer short
 */
record SimulatedAnswer(List<String> tokens, long promptTokens, boolean truncated) {
  private static final int ECHO_LIMIT = 2000;

  static SimulatedAnswer of(String backend, ChatRequest request) {
    String text = "[simulated by Fulcrum backend '" + backend + "'; no model ran] You said: "
        + lastUserText(request);
    List<String> tokens = tokenize(text);
    long max = request.maxTokens().orElse(Long.MAX_VALUE);
    boolean truncated = tokens.size() > max;
    if (truncated) {
      tokens = tokens.subList(0, (int) max);
    }
    return new SimulatedAnswer(List.copyOf(tokens), estimatePromptTokens(request), truncated);
  }

  String text() {
    return String.join("", tokens);
  }

  String finishReason() {
    return truncated ? "length" : "stop";
  }

  private static String lastUserText(ChatRequest request) {
    List<ChatMessage> messages = request.messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role().equals("user")) {
        String text = String.join(" ", messages.get(i).content().texts());
        return text.length() > ECHO_LIMIT ? text.substring(0, ECHO_LIMIT) + "…" : text;
      }
    }
    return "(no user message)";
  }

  private static long estimatePromptTokens(ChatRequest request) {
    long chars = 0;
    for (ChatMessage message : request.messages()) {
      for (String text : message.content().texts()) {
        chars += text.length();
      }
    }
    return Math.max(1, (chars + 3) / 4);
  }

  /** Splits before each space so that joining the tokens gives the text back exactly. */
  static List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    int start = 0;
    for (int i = 1; i < text.length(); i++) {
      if (text.charAt(i) == ' ') {
        tokens.add(text.substring(start, i));
        start = i;
      }
    }
    tokens.add(text.substring(start));
    return tokens;
  }
}
