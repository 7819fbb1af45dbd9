/**
 * The encrypted request archive: one record per completed request, sealed under its tenant's
 * current data-encryption key ({@link dev.fulcrum.controlplane.keys.TenantKeys}), and the key
 * lifecycle around it: rotation, and crypto-shredding, after which a tenant's records stay in
 * the store but can no longer be decrypted by anyone.
 *
 * <p>Nothing in this package puts record content into a message, a log line or a {@code
 * toString()}.
 */
package dev.fulcrum.controlplane.archive;
