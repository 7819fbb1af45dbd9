package dev.fulcrum.controlplane.archive;

import dev.fulcrum.core.tenant.Tenant;
import java.time.Instant;
import java.util.Objects;

/**
 * One request to archive, still in plaintext; {@link RequestArchive#write} encrypts it before
 * it is stored. {@code toString()} prints the content's size, never the content.
 *
 * @param requestId the gateway's request id, unique, at most 64 characters
 * @param tenant whose key encrypts it
 * @param createdAt when the request completed
 * @param content the plaintext (the gateway writes a JSON document); copied, do not modify
 */
public record ArchiveEntry(String requestId, Tenant tenant, Instant createdAt, byte[] content) {
  public ArchiveEntry {
    RequestIds.check(requestId);
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(createdAt, "createdAt");
    content = content.clone();
  }

  @Override
  public String toString() {
    return "ArchiveEntry[" + requestId + ", tenant=" + tenant.id() + ", " + content.length
        + " bytes]";
  }
}
