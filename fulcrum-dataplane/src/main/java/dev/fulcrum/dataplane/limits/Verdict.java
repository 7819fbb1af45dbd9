package dev.fulcrum.dataplane.limits;

import java.time.Duration;
import java.util.Objects;

/** What {@link RateCounters#take} decided. */
public sealed interface Verdict permits Verdict.Granted, Verdict.Refused {

  /** Every take was granted. */
  Verdict GRANTED = new Granted();

  /** Every bucket gave its amount. */
  record Granted() implements Verdict {}

  /**
   * Nothing was taken.
   *
   * @param limiting the take whose bucket needs the longest wait
   * @param retryAfter how long until that bucket holds enough, if nobody else takes meanwhile
   */
  record Refused(Take limiting, Duration retryAfter) implements Verdict {
    public Refused {
      Objects.requireNonNull(limiting, "limiting");
      Objects.requireNonNull(retryAfter, "retryAfter");
    }
  }
}
