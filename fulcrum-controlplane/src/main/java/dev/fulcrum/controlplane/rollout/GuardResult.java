package dev.fulcrum.controlplane.rollout;

import java.util.Locale;
import java.util.Objects;

/**
 * One guard's judgement, with the numbers behind it.
 *
 * @param guard the guard's {@link Guard#name()}
 * @param value the measured value (NaN without samples)
 * @param limit the guard's limit
 * @param samples how many observations the value rests on
 * @param summary the judgement in words, e.g. {@code error_rate 0.120 > 0.050 over 250 requests}
 */
public record GuardResult(String guard, Status status, double value, double limit, long samples,
    String summary) {

  /** What a guard concluded. */
  public enum Status {
    HEALTHY,
    BREACHED,
    INSUFFICIENT_DATA
  }

  public GuardResult {
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(summary, "summary");
  }

  static GuardResult judge(String guard, double value, double limit, long samples,
      boolean wrongSide, RolloutPolicy policy, String unit) {
    String numbers = String.format(Locale.ROOT, "%s %.3f %s %.3f over %d %s", guard, value,
        wrongSide ? "violates" : "within", limit, samples, unit);
    if (samples >= policy.minSamplesToBreach() && wrongSide) {
      return new GuardResult(guard, Status.BREACHED, value, limit, samples, numbers);
    }
    if (samples >= policy.minSamples() && !wrongSide) {
      return new GuardResult(guard, Status.HEALTHY, value, limit, samples, numbers);
    }
    return new GuardResult(guard, Status.INSUFFICIENT_DATA, value, limit, samples,
        String.format(Locale.ROOT, "%s has %d of %d %s needed", guard, samples,
            wrongSide ? policy.minSamplesToBreach() : policy.minSamples(), unit));
  }
}
