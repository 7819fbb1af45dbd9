package dev.fulcrum.controlplane.rollout;

import java.time.Instant;
import java.util.List;

/**
 * What the {@link RolloutEvaluator} concluded at one instant, with every guard's numbers and the
 * window they came from, so a stored decision explains itself.
 */
public sealed interface Verdict {

  /** Why, in one line. */
  String reason();

  List<GuardResult> results();

  WindowSnapshot window();

  Instant at();

  /** Keep going: not enough data, or healthy but not yet for long enough. */
  record Hold(String reason, List<GuardResult> results, WindowSnapshot window, Instant at)
      implements Verdict {
    public Hold {
      results = List.copyOf(results);
    }
  }

  /** Every guard has been healthy for the policy's duration: make the candidate prod. */
  record Promote(String reason, List<GuardResult> results, WindowSnapshot window, Instant at)
      implements Verdict {
    public Promote {
      results = List.copyOf(results);
    }
  }

  /** A guard is breached: take the candidate out of traffic. */
  record Rollback(String reason, List<GuardResult> results, WindowSnapshot window, Instant at)
      implements Verdict {
    public Rollback {
      results = List.copyOf(results);
    }
  }
}
