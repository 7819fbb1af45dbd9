/**
 * Privacy: local PII detection, sanitization, the pseudonym vault and rehydration. Everything
 * runs in-process; nothing here does I/O.
 */
package dev.fulcrum.dataplane.privacy;
