package dev.fulcrum.controlplane.audit;

import java.util.Objects;

/**
 * The first thing wrong with a log, as found by {@link AuditVerifier}.
 *
 * @param kind what kind of tampering (or damage) it looks like
 * @param sequence the first bad event's position (for {@link Kind#BAD_CHECKPOINT}, the first
 *     event the checkpoint covers; for {@link Kind#TRUNCATED}, the first missing event)
 * @param detail what exactly disagrees, for a person; names positions and fields, never content
 */
public record Finding(Kind kind, long sequence, String detail) {

  /** The kinds of damage the verifier tells apart. */
  public enum Kind {
    /** An event's content changed after it was written (with or without a recomputed hash). */
    MODIFIED,
    /** Events are missing from inside the log (a gap, or a gap hidden by renumbering). */
    DELETED,
    /** An event that was never appended sits in the log (forged, or a replayed copy). */
    INSERTED,
    /** Events are all present but not at the positions they were written for. */
    REORDERED,
    /** The log ends before the end of the range the last checkpoint signed. */
    TRUNCATED,
    /**
     * A checkpoint is unreadable, unsigned by the published key, out of sequence, or its Merkle
     * root or head hash does not match the events it covers (a rewrite that recomputed every
     * later chain hash).
     */
    BAD_CHECKPOINT
  }

  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return kind + " at event " + sequence + ": " + detail;
  }
}
