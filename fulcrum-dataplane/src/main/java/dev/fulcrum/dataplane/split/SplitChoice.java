package dev.fulcrum.dataplane.split;

import dev.fulcrum.dataplane.classify.PromptClass;
import java.util.Objects;
import java.util.Optional;

/**
 * Which model a split alias chose for one prompt, and why. Holds labels and reasons only, never
 * prompt text, so it is safe for headers, logs and audit events.
 *
 * @param alias the split alias the caller asked for
 * @param target the model alias that serves the prompt
 * @param labels the classifier's labels; empty when it could not answer (then escalated)
 * @param reason why, e.g. {@code SIMPLE 93%} or {@code escalated: classifier timed out}
 */
public record SplitChoice(String alias, String target, Optional<PromptClass> labels,
    String reason) {
  public SplitChoice {
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(reason, "reason");
  }

  static SplitChoice labelled(String alias, String target, PromptClass labels, String reason) {
    return new SplitChoice(alias, target, Optional.of(labels), reason);
  }

  static SplitChoice unlabelled(String alias, String target, String reason) {
    return new SplitChoice(alias, target, Optional.empty(), reason);
  }

  /** One line for the {@code x-fulcrum-split} header and audit reasons. */
  @Override
  public String toString() {
    return alias + " -> " + target + " (" + reason + labels.map(l -> ", intent " + l.intent()
        + " " + Math.round(l.intentConfidence() * 100) + "%").orElse("") + ")";
  }
}
