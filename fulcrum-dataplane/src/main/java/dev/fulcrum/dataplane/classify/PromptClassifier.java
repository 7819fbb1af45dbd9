package dev.fulcrum.dataplane.classify;

/**
 * Labels a chat prompt with its {@link Complexity} and {@link Intent}.
 *
 * <p>Implementations are thread-safe, deterministic for a given model and input, do no network
 * I/O, and never log or keep the prompt. {@link #classify} runs an in-process embedding model
 * (milliseconds of CPU; see {@code bench/results/classifier.md}), so call it on a worker thread,
 * never on an event loop.
 */
public interface PromptClassifier {

  /**
   * Classifies one prompt, typically the last user message of a chat request. Any text is
   * accepted, in any language. The model reads the start of the prompt (the embedding sees at most
   * its first 128 tokens) plus a few surface features of the whole text (length, lines, code,
   * questions), so the cost per call is bounded whatever the prompt's length. A blank prompt is
   * {@code SIMPLE}/{@code CHAT} with confidence 1.
   *
   * @param prompt the prompt text, not null
   * @return the labels and their confidences
   * @throws NullPointerException when {@code prompt} is null
   */
  PromptClass classify(String prompt);

  /**
   * Names the model that produced the labels, e.g. for audit events and routing reasons; changes
   * whenever the weights or the training data change.
   */
  String modelVersion();
}
