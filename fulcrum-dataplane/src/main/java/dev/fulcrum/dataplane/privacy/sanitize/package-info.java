/**
 * Sanitization and rehydration: replacing detected entities per a {@link
 * dev.fulcrum.dataplane.privacy.sanitize.SanitizationPolicy} (redact, mask, keyed hash, reversible
 * pseudonym, allow), the per-request {@link dev.fulcrum.dataplane.privacy.sanitize.Vault} of
 * pseudonyms, and restoring pseudonyms in answers, whole or streamed chunk by chunk.
 *
 * <p>No type here shows original values in {@code toString()}, exception messages or logs.
 */
package dev.fulcrum.dataplane.privacy.sanitize;
