package dev.fulcrum.dataplane.privacy.sanitize;

import java.util.Objects;

/**
 * Restores the pseudonyms of one request's {@link Vault} in text coming back from a model. Text
 * that only looks like a placeholder ({@code <PERSON_9>} that the vault never issued, {@code
 * <b>}) passes through untouched. Thread-safe; the streaming form is not.
 */
public final class Rehydrator {
  private final Vault vault;

  private Rehydrator(Vault vault) {
    this.vault = Objects.requireNonNull(vault, "vault");
  }

  public static Rehydrator of(Vault vault) {
    return new Rehydrator(vault);
  }

  /** {@code text} with every placeholder the vault issued replaced by its original. */
  public String restore(CharSequence text) {
    StreamingRehydrator stream = streaming();
    return stream.push(text) + stream.finish();
  }

  /** A rehydrator for one streamed answer, fed chunk by chunk. */
  public StreamingRehydrator streaming() {
    return new StreamingRehydrator(vault);
  }

  @Override
  public String toString() {
    return "Rehydrator[" + vault + "]";
  }
}
