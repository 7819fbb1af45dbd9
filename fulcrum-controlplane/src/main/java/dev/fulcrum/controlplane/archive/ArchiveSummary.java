package dev.fulcrum.controlplane.archive;

import java.time.Instant;
import java.util.Objects;

/**
 * What the archive shows about a record without decrypting it.
 *
 * @param requestId the request it records
 * @param tenant the id of the tenant whose key sealed it
 * @param createdAt when the request completed
 * @param keyVersion the tenant key version that sealed it
 */
public record ArchiveSummary(String requestId, String tenant, Instant createdAt,
    int keyVersion) {
  public ArchiveSummary {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
