package dev.fulcrum.dataplane.classify;

import java.util.Objects;

/**
 * The labels a {@link PromptClassifier} gives one prompt, each with a calibrated confidence: the
 * probability the model assigns to the label it chose. On the held-out split of the labelled set,
 * prompts whose confidence is {@code c} were right about {@code c} of the time (see
 * {@code bench/results/classifier.md} for how well that holds).
 *
 * <p>The complexity confidence is at least 0.5 (two labels); the intent confidence is at least
 * 1/8 (eight labels). Carries no prompt text, so it is safe to log and to put in audit events.
 *
 * @param complexity how much model the prompt needs
 * @param complexityConfidence probability that {@code complexity} is right, in [0, 1]
 * @param intent what the prompt asks for
 * @param intentConfidence probability that {@code intent} is right, in [0, 1]
 */
public record PromptClass(
    Complexity complexity, double complexityConfidence, Intent intent, double intentConfidence) {

  /**
   * @throws NullPointerException when a label is null
   * @throws IllegalArgumentException when a confidence is not a number in [0, 1]
   */
  public PromptClass {
    Objects.requireNonNull(complexity, "complexity");
    Objects.requireNonNull(intent, "intent");
    requireProbability("complexityConfidence", complexityConfidence);
    requireProbability("intentConfidence", intentConfidence);
  }

  /**
   * Whether both labels are at least this confident. A policy escalates to the large model when
   * this is false.
   *
   * @param threshold a probability in [0, 1]
   * @throws IllegalArgumentException when {@code threshold} is not in [0, 1]
   */
  public boolean confidentAtLeast(double threshold) {
    requireProbability("threshold", threshold);
    return complexityConfidence >= threshold && intentConfidence >= threshold;
  }

  /**
   * The probability that the prompt is {@link Complexity#COMPLEX}, whichever label won. A
   * RouteLLM-style policy sends a prompt to the large model when this exceeds a threshold chosen
   * for the cost/quality trade-off it wants.
   */
  public double complexProbability() {
    return complexity == Complexity.COMPLEX ? complexityConfidence : 1.0 - complexityConfidence;
  }

  private static void requireProbability(String name, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
    }
  }
}
