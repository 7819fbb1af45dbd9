/**
 * Key material: where keysets live ({@link dev.fulcrum.controlplane.keys.KeysetSource}), the
 * key-encryption key ({@link dev.fulcrum.controlplane.keys.KekProvider}), and per-tenant envelope
 * encryption with rotation and crypto-shredding ({@link dev.fulcrum.controlplane.keys.TenantKeys}).
 *
 * <p>All cryptography is Google Tink. Nothing in this package ever puts key bytes, plaintext or
 * ciphertext into a message, a log line or a {@code toString()}.
 */
package dev.fulcrum.controlplane.keys;
