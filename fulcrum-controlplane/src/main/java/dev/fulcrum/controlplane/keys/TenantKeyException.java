package dev.fulcrum.controlplane.keys;

/**
 * Tenant data could not be decrypted. Messages name the tenant and key version, never data.
 * {@link DataKeyUnavailableException}: the key is gone (crypto-shredded or never created);
 * {@link DecryptionFailedException}: the key exists but the ciphertext or associated data does
 * not match it.
 */
public abstract sealed class TenantKeyException extends RuntimeException
    permits DataKeyUnavailableException, DecryptionFailedException {

  TenantKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
