package dev.fulcrum.controlplane.archive;

import java.util.Objects;

/**
 * An archived record, decrypted. {@code toString()} prints the content's size, never the content.
 *
 * @param summary which request, whose, when, under which key version
 * @param content the plaintext as it was written; do not modify
 */
public record ArchivedRecord(ArchiveSummary summary, byte[] content) {
  public ArchivedRecord {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(content, "content");
  }

  @Override
  public String toString() {
    return "ArchivedRecord[" + summary + ", " + content.length + " bytes]";
  }
}
