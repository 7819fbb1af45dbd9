package dev.fulcrum.dataplane.split;

import dev.fulcrum.dataplane.classify.Complexity;
import dev.fulcrum.dataplane.classify.Intent;
import dev.fulcrum.dataplane.classify.PromptClass;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How one split alias picks the model that serves a prompt, from the prompt's labels.
 *
 * <p>In order: an intent listed in {@code byIntent}, predicted with at least {@code
 * minConfidence}, goes to its model; a prompt labelled {@link Complexity#SIMPLE} with at least
 * {@code minConfidence} goes to {@code simple}; everything else, including every uncertain
 * prompt, escalates to {@code complex}.
 *
 * @param simple the model alias for simple prompts (cheap, often local)
 * @param complex the model alias for complex or uncertain prompts (the large model)
 * @param minConfidence the least confidence at which a label is trusted, in [0.5, 1]
 * @param byIntent model aliases for particular intents, e.g. code to a code model
 * @param timeout the longest a request waits for its labels; then it escalates
 */
public record SplitPolicy(String simple, String complex, double minConfidence,
    Map<Intent, String> byIntent, Duration timeout) {
  /** The default wait for labels: well above the classifier's typical 10–30 ms. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(300);

  public SplitPolicy {
    Objects.requireNonNull(simple, "simple");
    Objects.requireNonNull(complex, "complex");
    if (!(minConfidence >= 0.5 && minConfidence <= 1.0)) {
      throw new IllegalArgumentException("minConfidence must be in [0.5, 1], got "
          + minConfidence);
    }
    byIntent = Map.copyOf(byIntent);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }

  public SplitPolicy(String simple, String complex, double minConfidence,
      Map<Intent, String> byIntent) {
    this(simple, complex, minConfidence, byIntent, DEFAULT_TIMEOUT);
  }

  /** The model for a prompt with these labels, and why. */
  public SplitChoice choose(String alias, PromptClass labels) {
    String byIntentTarget = byIntent.get(labels.intent());
    if (byIntentTarget != null && labels.intentConfidence() >= minConfidence) {
      return SplitChoice.labelled(alias, byIntentTarget, labels, "intent "
          + labels.intent() + " " + percent(labels.intentConfidence()));
    }
    if (labels.complexity() == Complexity.SIMPLE) {
      return labels.complexityConfidence() >= minConfidence
          ? SplitChoice.labelled(alias, simple, labels, "SIMPLE "
              + percent(labels.complexityConfidence()))
          : SplitChoice.labelled(alias, complex, labels, "escalated: SIMPLE only "
              + percent(labels.complexityConfidence()) + " < " + percent(minConfidence));
    }
    return SplitChoice.labelled(alias, complex, labels, "COMPLEX "
        + percent(labels.complexityConfidence()));
  }

  /** The large model, when the prompt could not be labelled. */
  public SplitChoice escalate(String alias, String why) {
    return SplitChoice.unlabelled(alias, complex, "escalated: " + why);
  }

  private static String percent(double p) {
    return Math.round(p * 100) + "%";
  }
}
