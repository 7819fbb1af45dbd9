/**
 * The tamper-evident audit log: what was served or refused and what changed in the control
 * plane, appended durably and verifiable offline.
 *
 * <p><b>Entry points.</b> {@link dev.fulcrum.controlplane.audit.AuditLog} appends (group-committed,
 * fail-closed), queries and exports; {@link dev.fulcrum.controlplane.audit.AuditVerifier} re-checks
 * the whole log and names the first bad event.
 *
 * <p><b>Canonical encoding.</b> Each stored entry is one JSON object in canonical form (the
 * string and key rules of RFC 8785): keys sorted by UTF-16 code units, no insignificant
 * whitespace, strings escaped minimally (quote, backslash, {@code \b \f \n \r \t}, other
 * control characters as lowercase six-character {@code \}{@code u00xx} escapes, everything else
 * literal UTF-8), only integers as numbers (money is a decimal string without trailing zeros,
 * e.g. {@code "0.0042"}), time as epoch milliseconds. The shape is
 * {@code {"event":{…},"seq":N,"ts":MILLIS,"type":"request.served","v":1}}.
 * Decoding and re-encoding a valid entry reproduces its bytes exactly.
 *
 * <p><b>Chain.</b> {@code hash(n) = SHA-256(hash(n-1) || canonical(n))}, with 32 zero bytes
 * before the first event. Each row stores its canonical bytes, its hash and the previous hash, so
 * a verifier can tell a changed event from a changed neighbour.
 *
 * <p><b>Checkpoints.</b> Every N events or T seconds (whichever first) the writer signs, with
 * Ed25519 (Tink), a statement over the events since the previous checkpoint: their sequence
 * range, the RFC 6962 Merkle root of their canonical bytes, the chain hash of the last one, and
 * the SHA-256 of the previous statement. Roots cover one range, not the whole log; the chain hash
 * and the statement link bind all earlier history. Events after the last checkpoint are protected
 * by the chain alone until the next checkpoint signs them.
 *
 * <p>No raw prompt or response text ever enters an event: only SHA-256 digests, counts and
 * identifiers.
 */
package dev.fulcrum.controlplane.audit;
