package dev.fulcrum.controlplane.archive;

/**
 * An archived record exists but can never be read again: the key version that sealed it was
 * destroyed when its tenant was crypto-shredded. The message names the request, the tenant and
 * the key version, never content.
 */
public final class TenantShreddedException extends RuntimeException {
  private final String tenant;

  TenantShreddedException(ArchiveSummary record, Throwable cause) {
    super("archived request " + record.requestId() + " of tenant " + record.tenant()
        + " cannot be decrypted: key v" + record.keyVersion() + " that sealed it was destroyed "
        + "when the tenant's keys were crypto-shredded, so nobody can read it any more", cause);
    this.tenant = record.tenant();
  }

  /** The id of the shredded tenant. */
  public String tenant() {
    return tenant;
  }
}
