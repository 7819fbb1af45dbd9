package dev.fulcrum.controlplane.audit;

import java.util.Objects;

/** What {@link AuditVerifier#verify()} concluded. */
public sealed interface Verification permits Verification.Intact, Verification.Broken {

  /** How many events were checked before concluding. */
  long eventsChecked();

  /**
   * Every event and checkpoint checks out.
   *
   * @param eventsChecked events in the log (all verified)
   * @param checkpoints checkpoints verified
   * @param signedThrough the last event a checkpoint covers (0 when none does); events after it
   *     are protected by the hash chain only, until the next checkpoint
   */
  record Intact(long eventsChecked, long checkpoints, long signedThrough)
      implements Verification {

    /** Events not yet covered by a signed checkpoint. */
    public long unsigned() {
      return eventsChecked - signedThrough;
    }
  }

  /**
   * The log is damaged; {@code finding} names the first bad event.
   *
   * @param eventsChecked events that verified before the finding
   */
  record Broken(Finding finding, long eventsChecked) implements Verification {
    public Broken {
      Objects.requireNonNull(finding, "finding");
    }
  }
}
