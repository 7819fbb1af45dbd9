package dev.fulcrum.dataplane.privacy.guard;

import dev.fulcrum.core.chat.ChatChunk;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.chat.ChatResponse;
import dev.fulcrum.dataplane.privacy.sanitize.Rehydrator;
import dev.fulcrum.dataplane.privacy.sanitize.Vault;
import java.util.Optional;
import java.util.concurrent.Flow;

/**
 * A request as it leaves for one placement — raw, or sanitized with a vault — and how to bring
 * the answer back: placeholders restored, whole answers and streams alike.
 */
public final class Outbound {
  private final ChatRequest request;
  private final Vault vault;

  private Outbound(ChatRequest request, Vault vault) {
    this.request = request;
    this.vault = vault;
  }

  /** The request as it is, for a placement that may see it. */
  public static Outbound raw(ChatRequest request) {
    return new Outbound(request, null);
  }

  static Outbound sanitized(ChatRequest request, Vault vault) {
    return new Outbound(request, vault);
  }

  /** The request to send. */
  public ChatRequest request() {
    return request;
  }

  /** Whether personal data was replaced on the way out. */
  public boolean sanitized() {
    return vault != null;
  }

  /** The answer with placeholders restored, in its text and in its tool calls' arguments. */
  public ChatResponse restore(ChatResponse response) {
    if (vault == null || vault.size() == 0) {
      return response;
    }
    Rehydrator rehydrator = Rehydrator.of(vault);
    return response.mapText(rehydrator::restore, rehydrator::restoreInJson);
  }

  /** Restored answer text (for comparing shadow answers). */
  public String restore(String text) {
    return vault == null || vault.size() == 0 ? text : Rehydrator.of(vault).restore(text);
  }

  /** The stream with placeholders restored, also across chunk boundaries. */
  public Flow.Publisher<ChatChunk> restore(Flow.Publisher<ChatChunk> stream) {
    return vault == null || vault.size() == 0 ? stream
        : new RehydratingStream(stream, Rehydrator.of(vault));
  }

  Optional<Vault> vault() {
    return Optional.ofNullable(vault);
  }

  @Override
  public String toString() {
    return "Outbound[" + (vault == null ? "raw" : "sanitized, " + vault) + "]";
  }
}
