package dev.fulcrum.dataplane.privacy.sanitize;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Objects;
import java.util.function.UnaryOperator;

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
    return restore(streaming(), text);
  }

  /**
   * JSON text, such as a tool call's {@code arguments}, with every placeholder the vault issued
   * replaced by its original escaped as JSON string content: placeholders sit inside string
   * values, and an original with a quote or a backslash must not end the string early.
   */
  public String restoreInJson(CharSequence json) {
    return restore(streamingInJson(), json);
  }

  /** A rehydrator for one streamed answer, fed chunk by chunk. */
  public StreamingRehydrator streaming() {
    return new StreamingRehydrator(vault, UnaryOperator.identity());
  }

  /** A rehydrator for streamed JSON text, fed chunk by chunk; see {@link #restoreInJson}. */
  public StreamingRehydrator streamingInJson() {
    return new StreamingRehydrator(vault, Rehydrator::jsonStringContent);
  }

  private static String restore(StreamingRehydrator stream, CharSequence text) {
    return stream.push(text) + stream.finish();
  }

  private static String jsonStringContent(String value) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(value));
  }

  @Override
  public String toString() {
    return "Rehydrator[" + vault + "]";
  }
}
