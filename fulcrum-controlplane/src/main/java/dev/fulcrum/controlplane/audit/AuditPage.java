package dev.fulcrum.controlplane.audit;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of query results, oldest first.
 *
 * @param entries at most the query's limit
 * @param more whether further matching events follow this page
 */
public record AuditPage(List<AuditEntry> entries, boolean more) {
  public AuditPage {
    entries = List.copyOf(entries);
    if (more && entries.isEmpty()) {
      throw new IllegalArgumentException("a page with more to follow cannot be empty");
    }
  }

  /** The cursor to pass to {@link AuditQuery#after} for the next page, when there is one. */
  public OptionalLong next() {
    return more ? OptionalLong.of(entries.getLast().sequence()) : OptionalLong.empty();
  }
}
