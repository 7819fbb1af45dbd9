package dev.fulcrum.controlplane.keys;

/**
 * The data-encryption key a ciphertext names does not exist: the tenant was deleted and its keys
 * destroyed (crypto-shredded), or the ciphertext was never made by this store. The data is
 * unreadable for good.
 */
public final class DataKeyUnavailableException extends TenantKeyException {
  public DataKeyUnavailableException(String message) {
    super(message, null);
  }
}
