package dev.fulcrum.controlplane.keys;

/**
 * A ciphertext did not authenticate: it was altered, truncated, belongs to another tenant, or the
 * associated data differs from what was given at encryption.
 */
public final class DecryptionFailedException extends TenantKeyException {
  public DecryptionFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
