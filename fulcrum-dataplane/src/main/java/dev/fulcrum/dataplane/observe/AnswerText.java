package dev.fulcrum.dataplane.observe;

import java.util.Objects;

/**
 * The answer text of a served chat request as the client received it: the first choice's
 * content, with pseudonyms already restored; for a stream, its deltas joined. Carried in process
 * only, for an observer that keeps an encrypted archive; {@code toString()} prints its length,
 * never the text.
 *
 * @param text the answer, or empty when the pipeline keeps no answers ({@code
 *     RequestPipeline.Builder#answers})
 */
public record AnswerText(String text) {
  /** No answer kept: the pipeline was not asked to, or the request has no text answer. */
  public static final AnswerText NONE = new AnswerText("");

  public AnswerText {
    Objects.requireNonNull(text, "text");
  }

  @Override
  public String toString() {
    return "AnswerText[" + text.length() + " chars]";
  }
}
